import Foundation
import Guidepost

/// One successful build as the server hands it out. Requests look files up by path, so the
/// build's sorted array becomes a dictionary once per build instead of a scan per request.
struct ServedSite: Sendable {
    private(set) var files: [String: ServedFile]
    let pageCount: Int
    /// The headers a host would send, read from the build's own `_headers`, so the browser
    /// enforces here exactly what it will enforce in production.
    let headers: HostingHeaders
    /// Which good build this is; every page names it, so a tab can tell whether it is behind.
    /// Set by `LiveSite.publish`.
    var build = ""

    /// `later` are files of this build still being made (the search index): a request for one
    /// waits for it, so it never gets an earlier build's file or a 404.
    init(_ output: SiteOutput, later: [String: Task<Data, Never>] = [:]) {
        var files: [String: ServedFile] = [:]
        // `_headers` is an instruction to the host, not a page: static hosts don't serve it either.
        for file in output.files where file.path != HostingHeaders.fileName {
            files[file.path] = .ready(file.contents)
        }
        for (path, file) in later { files[path] = .pending(file) }
        self.files = files
        pageCount = output.pageCount
        headers = HostingHeaders(parsing: output.text(HostingHeaders.fileName) ?? "")
    }

    /// Adds files made after the pages, leaving any of the same path alone.
    mutating func add(_ made: [SiteOutput.File]) {
        for file in made where files[file.path] == nil { files[file.path] = .ready(file.contents) }
    }

    /// Puts the bytes of a file that was pending in its place, if `file` is what is still pending
    /// there; requests already waiting on `file` get the same bytes from it.
    mutating func install(_ path: String, _ data: Data, from file: Task<Data, Never>) {
        guard case .pending(let pending)? = files[path], pending == file else { return }
        files[path] = .ready(.bytes(data))
    }
}

/// A file of a served site: made with the pages, or still being made.
enum ServedFile: Sendable {
    case ready(SiteOutput.Contents)
    /// Made after the pages were published; awaiting it is waiting for this build's file.
    case pending(Task<Data, Never>)

    var isPending: Bool {
        if case .pending = self { return true }
        return false
    }
}

/// The rules of a Netlify-style `_headers` file: a path pattern, then indented `Name: value` lines.
struct HostingHeaders: Sendable, Equatable {
    static let fileName = "_headers"

    struct Rule: Sendable, Equatable {
        var pattern: String
        var headers: [Header]
    }

    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }

    var rules: [Rule]

    init(parsing text: String) {
        var rules: [Rule] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.first?.isWhitespace == false {
                rules.append(Rule(pattern: trimmed, headers: []))
            } else if let colon = trimmed.firstIndex(of: ":"), !rules.isEmpty {
                let name = trimmed[..<colon].trimmingCharacters(in: .whitespaces)
                let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                rules[rules.count - 1].headers.append(Header(name: name, value: value))
            }
        }
        self.rules = rules
    }

    /// Every header whose rule matches `path`, later rules after earlier ones. Cache rules are
    /// left out: in serve mode every response must be fetched afresh after a rebuild.
    func headers(for path: String) -> [Header] {
        rules.filter { Self.matches($0.pattern, path) }
            .flatMap(\.headers)
            .filter { $0.name.caseInsensitiveCompare("Cache-Control") != .orderedSame }
    }

    var contentSecurityPolicy: String? {
        rules.lazy.flatMap(\.headers).first { $0.name.caseInsensitiveCompare("Content-Security-Policy") == .orderedSame }?.value
    }

    private static func matches(_ pattern: String, _ path: String) -> Bool {
        if pattern.hasSuffix("*") { return path.hasPrefix(pattern.dropLast()) }
        return pattern == path
    }
}
