import Foundation
@testable import Guidepost
import Testing
@testable import GuidepostServe

/// Holds back whatever passes through it while it is closed; open, it lets everything by.
actor Gate {
    private var isOpen = true
    private var waiting: [CheckedContinuation<Void, Never>] = []

    var waitingCount: Int { waiting.count }

    func close() { isOpen = false }

    func open() {
        isOpen = true
        for continuation in waiting { continuation.resume() }
        waiting = []
    }

    func pass() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}

/// The terms of a served search index and the text of its fragments, fetched as search.js
/// fetches them: the manifest in `reply`, then every shard it names from the same server.
func servedIndex(_ reply: Reply, port: UInt16) async throws -> (terms: Set<String>, text: String) {
    let manifest = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any])
    var terms: Set<String> = []
    for shard in try #require(manifest["terms"] as? [[Any]]) {
        let name = try #require(shard[1] as? String)
        let file = try await get("/search/" + name, port: port)
        #expect(file.status == 200, "\(name)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(file.body.utf8)) as? [String: Any])
        terms.formUnion(try #require(object["terms"] as? [String]))
    }
    var text = ""
    let fragments = try #require(manifest["fragments"] as? [String: Any])
    let count = try #require(fragments["pages"] as? String).filter { "0123456789ABCDEFGHIJKLMNOPQRSTUV".contains($0) }.count
    let volumes = try #require(fragments["volumes"] as? [String])
    let perVolume = try #require(fragments["perVolume"] as? Int)
    for number in 0..<count {
        let file = try await get("/search/shards/f-\(volumes[number / perVolume])-\(number).json", port: port)
        #expect(file.status == 200)
        text += file.body
    }
    return (terms, text)
}

func indexTerms(_ reply: Reply, port: UInt16) async throws -> Set<String> {
    try await servedIndex(reply, port: port).terms
}

/// A rebuild publishes its pages first and builds the search index afterwards: a request for
/// the index meanwhile waits for this build's, never gets the last one's or a 404.
@Suite struct SearchIndexServeTests {
    static let indexPath = "/search/index.json"

    @Test func aRequestForTheIndexWhileItIsBuiltWaitsForThisBuildsIndex() async throws {
        let project = try TestProject()
        let log = ReportLog()
        let gate = Gate()
        var options = project.options()
        options.timings = true
        let server = DevServer(options: options, report: log.record)
        await server.setBeforeSearchIndex { await gate.pass() }
        let port = try port(of: try await server.start())

        let first = try await get(Self.indexPath, port: port)
        #expect(first.status == 200)
        #expect(first.header("Content-Type") == "application/json")
        #expect(try await indexTerms(first, port: port).contains("first"))

        await gate.close()
        try project.write("content/Basics/start.md", guide("Start here", "The zebracorn words."))
        // The pages are out while the index is held back.
        let published = await eventually { log.all.contains { $0.text.hasPrefix("Rebuilt") } }
        #expect(published)
        #expect(await eventually { await gate.waitingCount == 1 })
        #expect(try await get("/guides/start/", port: port).body.contains("zebracorn"))
        #expect(await server.live.site?.files["search/index.json"]?.isPending == true)

        let answered = Locked(false)
        let request = Task {
            defer { answered.mutate { $0 = true } }
            return try await get(Self.indexPath, port: port)
        }
        // Still waiting: neither the last build's index nor a 404 was sent meanwhile.
        try await Task.sleep(for: .milliseconds(300))
        #expect(!answered.value)
        #expect(log.all.filter { $0.text.hasSuffix("(after the pages)") }.count == 1, "only the first build's index is timed yet")
        await gate.open()

        let reply = try await request.value
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/json")
        let terms = try await indexTerms(reply, port: port)
        #expect(terms.contains("zebracorn"))
        #expect(!terms.contains("first"))
        // The index is put in the site in place of the promise, and its time reported after the rebuild's line.
        #expect(await eventually { await server.live.site?.files["search/index.json"]?.isPending == false })
        await server.stop()

        let lines = log.all.map(\.text)
        let rebuilt = try #require(lines.firstIndex { $0.hasPrefix("Rebuilt") })
        let searchTime = try #require(lines.lastIndex { $0.hasSuffix("(after the pages)") })
        #expect(searchTime > rebuilt)
        #expect(lines[searchTime].wholeMatch(of: #/  search \d+\.\d{3} s \(after the pages\)/#) != nil, "\(lines[searchTime])")
        // The line before the rebuild's has every step up to the pages, the index's not among them.
        #expect(lines[rebuilt - 1].hasPrefix("  load ") && lines[rebuilt - 1].contains("render") && !lines[rebuilt - 1].contains("search"))
    }

    @Test func afterAnEditTheServedIndexHasTheGuidesNewText() async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let tab = try EventStreamReader(port: port)
            defer { tab.close() }
            #expect(await tab.waitFor("retry: 1000"))
            #expect(!(try await indexTerms(try await get(Self.indexPath, port: port), port: port).contains("quokka")))

            try project.write("content/Basics/next.md", guide("Next step", "A quokka waits. Go back to [the start](start.md)."))

            // Asked for as soon as tabs are told to reload, as a reloaded search page would.
            #expect(await tab.waitFor("event: reload"), "\(tab.transcript)")
            let reply = try await get(Self.indexPath, port: port)
            #expect(reply.status == 200)
            let served = try await servedIndex(reply, port: port)
            #expect(served.text.contains("A quokka waits."))
            #expect(served.terms.contains("quokka"))
            #expect(try await get(Self.indexPath, port: port, method: "HEAD").header("Content-Length") == String(reply.body.utf8.count))
        }
    }

    /// Two rebuilds while the first one's index is still held back: the index served is the
    /// newest site's, whichever index finishes first.
    @Test func eachPublishedSiteWaitsForItsOwnIndex() async throws {
        let project = try TestProject()
        let log = ReportLog()
        let gate = Gate()
        let server = DevServer(options: project.options(), report: log.record)
        await server.setBeforeSearchIndex { await gate.pass() }
        let port = try port(of: try await server.start())
        func rebuilds() -> Int { log.all.filter { $0.text.hasPrefix("Rebuilt") }.count }
        // The first build's index, past the gate before it closes.
        #expect(try await get(Self.indexPath, port: port).status == 200)

        await gate.close()
        try project.write("content/Basics/start.md", guide("Start here", "The walrus words."))
        #expect(await eventually { rebuilds() == 1 })
        let older = await server.live.site
        try project.write("content/Basics/start.md", guide("Start here", "The narwhal words."))
        #expect(await eventually { rebuilds() == 2 })
        #expect(await eventually { await gate.waitingCount == 2 })

        let request = Task { try await get(Self.indexPath, port: port) }
        try await Task.sleep(for: .milliseconds(100))
        await gate.open()
        let terms = try await indexTerms(try await request.value, port: port)
        #expect(terms.contains("narwhal") && !terms.contains("walrus"))
        // The older site still holds its own manifest, for a request that got it before the newer
        // one; the shards it names are served too (named by content, they cannot clash).
        if case .pending(let index)? = older?.files["search/index.json"] {
            let manifest = Reply(status: 200, headers: [:], body: String(decoding: await index.value, as: UTF8.self))
            #expect(try await indexTerms(manifest, port: port).contains("walrus"))
        } else {
            Issue.record("the older site was published with its index pending")
        }
        await server.stop()
    }

    @Test func theIndexTimeLineSaysItCameAfterThePages() {
        #expect(ServeReport.timingsAfterPages([StepTiming(step: "search", seconds: 0.87)]).text == "  search 0.870 s (after the pages)")
    }
}
