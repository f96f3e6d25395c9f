import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import GuidepostServe

/// The repository's root, found from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func guide(_ title: String, _ body: String) -> String {
    "---\ntitle: \(title)\n---\n\(body)\n"
}

/// A project folder of its own per test: the real theme and two guides that link to each other.
final class TestProject: Sendable {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        try write("content/site.yml", "title: Test Help\n")
        try write("content/Basics/start.md", guide("Start here", "The first words."))
        try write("content/Basics/next.md", guide("Next step", "Go back to [the start](start.md)."))
        try write("content/Basics/badge.png", "\u{89}PNG\r\n\u{1A}\n")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var content: String { root.appendingPathComponent("content").path }
    var templates: String { root.appendingPathComponent("templates").path }

    func options() -> ServeOptions {
        // Short polls keep the suite fast; the logic is the same at 300 ms.
        ServeOptions(content: content, templates: templates, port: 0, pollInterval: .milliseconds(40))
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Collects what the server reports, for tests that check the terminal lines.
final class ReportLog: Sendable {
    private let lines = Locked<[ServeReport]>([])

    func record(_ report: ServeReport) { lines.mutate { $0.append(report) } }
    var all: [ServeReport] { lines.value }
}

final class Locked<Value: Sendable>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

struct Reply {
    var status: Int
    var headers: [String: String]
    var body: String

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Hands back a redirect instead of following it, so tests see the 301 itself.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

let testSession = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

/// One request over loopback; `path` is sent as written.
func get(_ path: String, port: UInt16, method: String = "GET") async throws -> Reply {
    var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
    request.httpMethod = method
    let (data, response) = try await testSession.data(for: request)
    let http = try #require(response as? HTTPURLResponse)
    var headers: [String: String] = [:]
    for (name, value) in http.allHeaderFields {
        if let name = name as? String, let value = value as? String { headers[name] = value }
    }
    return Reply(status: http.statusCode, headers: headers, body: String(decoding: data, as: UTF8.self))
}

func port(of url: String) throws -> UInt16 {
    try #require(url.firstMatch(of: /127\.0\.0\.1:(\d+)\//).flatMap { UInt16($0.1) })
}

/// Polls `condition` until it holds or `timeout` passes: no fixed sleeps, so a fast machine
/// finishes fast and a slow one still passes.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}

/// Keeps `/_guidepost/events` open as a browser tab does and records everything that arrives.
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let received = Locked("")
    // Set once in init, before the task can call back.
    private var session: URLSession?

    /// `build` is the one the page's reload script names, as a tab's stream asks with it.
    init(port: UInt16, build: String? = nil) throws {
        super.init()
        let query = build.map { "?build=" + $0 } ?? ""
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/_guidepost/events" + query))
        let session = URLSession(configuration: .ephemeral, delegate: self, delegateQueue: nil)
        self.session = session
        session.dataTask(with: url).resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        received.mutate { $0 += String(decoding: data, as: UTF8.self) }
    }

    var transcript: String { received.value }

    func count(of text: String) -> Int { transcript.components(separatedBy: text).count - 1 }

    /// Waits for the `n`th occurrence of `text`.
    func waitFor(_ text: String, occurrence n: Int = 1, timeout: Duration = .seconds(10)) async -> Bool {
        await eventually(timeout: timeout) { count(of: text) >= n }
    }

    func close() {
        session?.invalidateAndCancel()
    }
}
