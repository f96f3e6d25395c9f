import Foundation
import Guidepost

public struct ServeOptions: Sendable, Equatable {
    public var content: String
    public var templates: String
    /// Overrides site.yml's `templateOverrides`, as in a build.
    public var overrides: String?
    /// 0 asks the system for a free port (tests, or two previews side by side).
    public var port: UInt16
    /// How often sources are checked for edits.
    public var pollInterval: Duration
    /// How often idle event streams get a comment line, so closed tabs are noticed.
    public var keepAliveInterval: Duration
    /// Report each build step's time after every build.
    public var timings = false
    /// How long a connection may take to send a request, from when it opens or its last answer
    /// was sent: a client that goes quiet or trickles bytes is cut off after it.
    public var requestTimeout: Duration = .seconds(10)
    /// More connections at once are refused: a tab holds one or two, a script can't hold thousands.
    public var maxConnections = 64
    /// Show pages marked `draft: true` too.
    public var drafts = false

    public init(content: String = BuildOptions.defaultContent, templates: String = BuildOptions.defaultTemplates, overrides: String? = nil,
                port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300), keepAliveInterval: Duration = .seconds(15)) {
        self.content = content
        self.templates = templates
        self.overrides = overrides
        self.port = port
        self.pollInterval = pollInterval
        self.keepAliveInterval = keepAliveInterval
    }
}

/// What the server tells the person who started it, one line (or one error list) at a time.
public enum ServeReport: Sendable {
    case ready(url: String, pages: Int)
    /// `rendered`: how many of the pages were made anew, the rest being the last build's.
    case rebuilt(pages: Int, seconds: Double, changed: [String], rendered: Int? = nil)
    /// `serving` is false when no build has succeeded yet, so there is no last good site.
    case failed(BuildErrors, changed: [String], serving: Bool)
    /// Each step of the build just reported, with `--timings`.
    case timings([StepTiming])
    /// Steps that ran after the pages were published (the search index), with `--timings`.
    case timingsAfterPages([StepTiming])

    public var isError: Bool {
        if case .failed = self { return true }
        return false
    }

    public var text: String {
        switch self {
        case .ready(let url, let pages):
            return "Serving \(Self.pages(pages)) at \(url) — Ctrl-C to stop"
        case .rebuilt(let pages, let seconds, let changed, let rendered):
            // How many pages the edit really touched tells an author whether it was a small one.
            let made = rendered.map { $0 == pages ? "" : ", \($0) of them made anew" } ?? ""
            return "Rebuilt \(Self.pages(pages)) in \(String(format: "%.2f", seconds)) s (\(Self.describe(changed))\(made))"
        case .failed(let errors, let changed, let serving):
            // The same list a build prints, then what serve does about it.
            let cause = changed.isEmpty ? "" : " (\(Self.describe(changed)))"
            let next = serving ? "Still serving the last good site\(cause)." : "Nothing to serve until this is fixed; the browser shows the errors."
            return "\(errors)\n\(next)"
        case .timings(let steps):
            return "  " + StepTiming.line(steps)
        case .timingsAfterPages(let steps):
            return "  " + StepTiming.line(steps) + " (after the pages)"
        }
    }

    private static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    private static func describe(_ changed: [String]) -> String {
        switch changed.count {
        case 0: return "no file changed"
        case 1: return "\(changed[0]) changed"
        default: return "\(changed[0]) and \(changed.count - 1) more changed"
        }
    }
}

public enum ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotListen(port: UInt16, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let port, let reason):
            return "error: cannot listen on 127.0.0.1:\(port): \(reason)\n  hint: another server may be using the port; pass `--port` with another number, or `--port 0` for any free one."
        }
    }
}
