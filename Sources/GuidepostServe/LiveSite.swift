import Foundation
import Guidepost

/// What open tabs see: the last good build, the errors of the latest one if it failed, and the
/// event streams to tell them when either changes. An actor because requests read it while the
/// watcher replaces it.
actor LiveSite {
    private(set) var site: ServedSite?
    /// The latest build's errors; nil once a build succeeds again.
    private(set) var failure: BuildErrors?
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    /// Builds are named `<server>-<count>`: the server's own part tells a tab left open across a
    /// restart that its page came from another run.
    private let server = UUID().uuidString.prefix(8).lowercased()
    private var published = 0

    /// What a page names when no build has succeeded yet: every good build is newer.
    static let noBuild = "none"

    var listenerCount: Int { listeners.count }

    func publish(_ site: ServedSite) {
        published += 1
        var site = site
        site.build = "\(server)-\(published)"
        self.site = site
        failure = nil
        broadcast(.reload)
    }

    /// A file the published site was waiting for (the search index), now made. Nothing changes
    /// if a newer site has been published since: `file` is its own site's, and still answers
    /// the requests that wait on it. No event: no page shows the file's contents.
    func install(_ path: String, _ data: Data, from file: Task<Data, Never>) {
        site?.install(path, data, from: file)
    }

    /// Files made with a pending one (the search index's shards). Their names are their
    /// contents' hashes, so if a newer site was published meanwhile they are harmless there: its
    /// own manifest names only its own.
    func add(_ files: [SiteOutput.File]) {
        site?.add(files)
    }

    /// The last good site stays: a typo in one guide should not take the whole preview down.
    func fail(_ errors: BuildErrors) {
        failure = errors
        broadcast(.error(errors))
    }

    /// A stream of encoded events for one tab. A tab that opens while the build is broken gets
    /// the errors at once, so a reload does not hide them.
    ///
    /// `shownBuild` is the build the tab's page came from. A page is sent before its script
    /// opens this stream, and a build that ends in between is announced to the tabs already
    /// listening only; so a tab that is behind is told to reload as it connects.
    func subscribe(shownBuild: String? = nil) -> AsyncStream<Data> {
        // Only the newest few matter: a tab that fell behind reloads once anyway.
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(ServerEvent.retry.encoded)
        if let shownBuild, let site, shownBuild != site.build {
            // The reloaded page connects again, and learns about any errors then.
            continuation.yield(ServerEvent.reload.encoded)
        } else if let failure {
            continuation.yield(ServerEvent.error(failure).encoded)
        }
        return stream
    }

    /// A comment line: writing it is how a tab that went away without closing is noticed.
    func ping() {
        broadcast(.keepAlive)
    }

    /// Ends every stream, so open connections finish their response and the server can stop.
    func closeAll() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    private func broadcast(_ event: ServerEvent) {
        let data = event.encoded
        for continuation in listeners.values { continuation.yield(data) }
    }
}

/// The server-sent events the reload script understands.
enum ServerEvent: Sendable {
    case retry
    case reload
    case error(BuildErrors)
    case keepAlive

    var encoded: Data {
        switch self {
        case .retry: Data("retry: 1000\n\n".utf8)
        case .reload: Data("event: reload\ndata: {}\n\n".utf8)
        case .error(let errors): Data("event: error\ndata: \(Self.json(errors))\n\n".utf8)
        case .keepAlive: Data(": keep-alive\n\n".utf8)
        }
    }

    /// One line of JSON: an event's data may not contain a newline.
    static func json(_ errors: BuildErrors) -> String {
        let report = ErrorReport(
            summary: errors.errors.count == 1 ? "1 error" : "\(errors.errors.count) errors",
            errors: errors.errors.map {
                ErrorReport.Item(file: $0.file, line: $0.line, column: $0.column, message: $0.message, hint: $0.hint, text: $0.description)
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    struct ErrorReport: Codable {
        struct Item: Codable {
            var file: String?
            var line: Int?
            /// Only with a line, and only where the build knows it (a broken link's).
            var column: Int?
            var message: String
            var hint: String?
            /// As the terminal prints it: `content/a.md:4:9: error: …`.
            var text: String
        }
        var summary: String
        var errors: [Item]
    }
}
