import FlyingFox
import FlyingSocks
import Foundation
import Guidepost

/// `sitegen serve`: builds the site in memory, serves it on 127.0.0.1 and rebuilds it when a
/// source changes. Nothing is written, so `public/` stays what the last `sitegen build` left.
///
/// A rebuild reuses what the last one made (`BuildMemo`): unchanged files are not parsed again
/// and pages whose context is unchanged are not rendered again. Its pages are published before
/// its search index is built, which is most of a small rebuild's time; a request for the index
/// meanwhile waits for this build's.
public actor DevServer {
    public let options: ServeOptions
    private let report: @Sendable (ServeReport) -> Void
    let live = LiveSite()
    private var http: HTTPServer?
    private var running: Task<Void, Never>?
    private var background: [Task<Void, Never>] = []
    private var baseURL: BaseURL?
    /// What the last good build made, for the next to reuse.
    private var memo = BuildMemo()
    /// Search indexes being built for sites already published, to be installed in them.
    private var indexing: [UUID: Task<Void, Never>] = [:]
    /// Runs before each search index is built: tests hold the index back with it.
    private var beforeSearchIndex: (@Sendable () async -> Void)?

    /// `report` receives the ready line, one line per rebuild and every failed build's errors.
    public init(options: ServeOptions, report: @escaping @Sendable (ServeReport) -> Void = { _ in }) {
        self.options = options
        self.report = report
    }

    /// Listens, builds once, starts watching and returns the site's address. A content error
    /// doesn't stop it: the browser shows the errors until an edit fixes them.
    @discardableResult
    public func start() async throws(ServeError) -> String {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: options.port)
        } catch {
            throw .cannotListen(port: options.port, reason: "\(error)")
        }
        var config = HTTPServer.Configuration(address: address, logger: .disabled)
        config.requestTimeout = options.requestTimeout / .seconds(1)
        config.maxConnections = options.maxConnections
        let server = HTTPServer(config: config, handler: ServeHandler(live: live))
        let (port, running) = try await Self.listen(server, requestedPort: options.port)
        http = server
        self.running = running
        // Links and canonical URLs point here, so every link works in the preview.
        let url = "http://127.0.0.1:\(port)/"
        baseURL = BaseURL(url)

        // The snapshot comes before the build, so an edit made while it runs is not lost.
        let watcher = SourceWatcher(roots: SourceWatcher.roots(content: options.content, templates: options.templates, overrides: options.overrides))
        let snapshot = watcher.snapshot()
        let built = await build(changed: [])
        report(.ready(url: url, pages: built?.pages ?? 0))
        background = [
            Task { await self.watch(watcher, from: snapshot) },
            Task { await self.keepAlive() },
        ]
        return url
    }

    /// Stops watching, lets a search index being built finish (a request may be waiting for it),
    /// ends every event stream so tabs' connections close, and stops listening.
    public func stop() async {
        for task in background { task.cancel() }
        for task in background { await task.value }
        background = []
        for task in Array(indexing.values) { await task.value }
        await live.closeAll()
        // On Linux FlyingFox's accept loop only ends by cancellation, so `stop` always waits out
        // its grace period: long enough for a page already being sent, short enough for Ctrl-C.
        await http?.stop(timeout: 0.3)
        await running?.value
        http = nil
        running = nil
    }

    /// FlyingFox's `run()` only returns when the server stops, and a failed bind doesn't end
    /// `waitUntilListening()`, so the two race and the first to report wins.
    private static func listen(_ server: HTTPServer, requestedPort: UInt16) async throws(ServeError) -> (UInt16, Task<Void, Never>) {
        let (outcome, continuation) = AsyncStream<Result<UInt16, ServeError>>.makeStream()
        let running = Task {
            do {
                try await server.run()
            } catch {
                continuation.yield(.failure(.cannotListen(port: requestedPort, reason: Self.reason(error))))
            }
            continuation.finish()
        }
        let waiting = Task {
            do {
                try await server.waitUntilListening(timeout: 10)
                if case .ip4(_, let port)? = await server.listeningAddress {
                    continuation.yield(.success(port))
                } else {
                    continuation.yield(.failure(.cannotListen(port: requestedPort, reason: "the socket has no IPv4 address")))
                }
            } catch {
                continuation.yield(.failure(.cannotListen(port: requestedPort, reason: Self.reason(error))))
            }
        }
        defer { waiting.cancel() }
        for await result in outcome {
            if case .failure = result { await server.stop() }
            return (try result.get(), running)
        }
        throw .cannotListen(port: requestedPort, reason: "the server stopped before it was listening")
    }

    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, let errno, let message) = error, errno == EADDRINUSE { return message }
        return "\(error)"
    }

    /// For tests: `hook` runs before each search index is built, so one can be held back.
    func setBeforeSearchIndex(_ hook: @escaping @Sendable () async -> Void) {
        beforeSearchIndex = hook
    }

    private struct Built {
        var pages: Int
        /// Pages made anew; the rest were the last build's.
        var rendered: Int
    }

    /// One full build; on success the site is swapped in and tabs reload, then its search index
    /// is built; on failure the last good site stays and tabs show the errors.
    private func build(changed: [String]) async -> Built? {
        var pipeline = BuildPipeline(options: BuildOptions(content: options.content, templates: options.templates,
                                                           overrides: options.overrides, baseURL: baseURL, drafts: options.drafts))
        let steps = StepLog()
        if options.timings { pipeline.timings = { steps.append($0) } }
        let result = await Self.generate(pipeline, reusing: memo)
        // The steps until the pages; the search index's is reported when it is built.
        let pageSteps = steps.all
        defer { if options.timings { report(.timings(pageSteps)) } }
        switch result {
        case .success(let (output, memo, search)):
            self.memo = memo
            guard let search else {
                await live.publish(ServedSite(output))
                return Built(pages: output.pageCount, rendered: output.renderedPages)
            }
            let index = Self.buildLater(search, into: live, after: beforeSearchIndex)
            await live.publish(ServedSite(output, later: [search.path: index]))
            install(index, at: search.path, steps: steps, reported: pageSteps.count)
            return Built(pages: output.pageCount, rendered: output.renderedPages)
        case .failure(let errors):
            let serving = await live.site != nil
            await live.fail(errors)
            report(.failed(errors, changed: changed, serving: serving))
            return nil
        }
    }

    /// The build is synchronous and spreads over every core; on a Dispatch thread it leaves the
    /// concurrency pool free to answer requests meanwhile. The search index is left to build
    /// after the pages are published.
    private static func generate(_ pipeline: BuildPipeline, reusing memo: BuildMemo)
        async -> Result<(SiteOutput, BuildMemo, PendingSearchIndex?), BuildErrors> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(BuildErrors) -> (SiteOutput, BuildMemo, PendingSearchIndex?) in
                    let built = try pipeline.generateDeferringSearch(reusing: memo)
                    return (built.output, built.memo, built.search)
                })
            }
        }
    }

    /// The search index, built on a Dispatch thread like the rest of the build. The task is the
    /// published site's promise of its manifest: requests for it await it. The shards it names
    /// are in the site before the manifest is handed out, so a request for one never misses.
    private static func buildLater(_ search: PendingSearchIndex, into live: LiveSite,
                                   after hook: (@Sendable () async -> Void)?) -> Task<Data, Never> {
        Task.detached {
            await hook?()
            let files = await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(returning: search.build())
                }
            }
            await live.add(files.filter { $0.path != search.path })
            guard case .bytes(let manifest)? = files.first(where: { $0.path == search.path })?.contents else { return Data() }
            return manifest
        }
    }

    /// Once `index` is built, puts it into the site in place of the promise and reports its time.
    private func install(_ index: Task<Data, Never>, at path: String, steps: StepLog, reported: Int) {
        let id = UUID()
        let live = live
        indexing[id] = Task {
            let data = await index.value
            await live.install(path, data, from: index)
            self.indexed(id, steps: Array(steps.all.dropFirst(reported)))
        }
    }

    /// On the actor, so the time comes after the rebuild's line, which is reported in the same
    /// turn as the pages are published.
    private func indexed(_ id: UUID, steps: [StepTiming]) {
        indexing[id] = nil
        if options.timings { report(.timingsAfterPages(steps)) }
    }

    private func watch(_ initial: SourceWatcher, from start: SourceWatcher.Snapshot) async {
        var watcher = initial
        var last = start
        var pause = options.pollInterval
        while !Task.isCancelled {
            do { try await Task.sleep(for: pause) } catch { return }
            let looked = ContinuousClock.now
            var current = watcher.snapshot()
            // Looking may take at most a tenth of the time, however large the site grows.
            pause = Swift.max(options.pollInterval, (ContinuousClock.now - looked) * 10)
            guard current != last else { continue }
            current = await Self.settled(watcher, current)
            let changed = SourceWatcher.changes(from: last, to: current)
            last = current
            guard !changed.isEmpty else { continue }
            let started = ContinuousClock.now
            if let built = await build(changed: changed) {
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                report(.rebuilt(pages: built.pages, seconds: seconds, changed: changed, rendered: built.rendered))
            }
            // site.yml may have named another overrides folder; its files are the new baseline.
            let roots = SourceWatcher.roots(content: options.content, templates: options.templates,
                                            watching: options.overrides ?? memo.overrides)
            if roots != watcher.roots {
                watcher.roots = roots
                last = watcher.snapshot()
            }
        }
    }

    /// An editor's save can be several writes (a temporary file, then a rename); building after
    /// the first would build a half-saved tree, so wait until two looks agree.
    private static func settled(_ watcher: SourceWatcher, _ first: SourceWatcher.Snapshot) async -> SourceWatcher.Snapshot {
        var current = first
        for _ in 0..<10 {
            do { try await Task.sleep(for: .milliseconds(40)) } catch { return current }
            let next = watcher.snapshot()
            if next == current { return current }
            current = next
        }
        return current
    }

    private func keepAlive() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: options.keepAliveInterval) } catch { return }
            await live.ping()
        }
    }
}

