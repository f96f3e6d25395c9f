import Foundation
import Guidepost
import Testing
@testable import GuidepostServe

/// Runs `body` against a started server and always stops it, so a failing test leaks no port.
func withServer<T: Sendable>(_ project: TestProject, log: ReportLog = ReportLog(), options: ServeOptions? = nil,
                             _ body: (DevServer, UInt16) async throws -> T) async throws -> T {
    let server = DevServer(options: options ?? project.options(), report: log.record)
    let url = try await server.start()
    do {
        let result = try await body(server, try port(of: url))
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Whether `html` has the reload script's tag, naming a good build (`server-count`) or `build`.
func hasReloadTag(_ html: String, build: String = #"[0-9a-f]{8}-[0-9]+"#, before next: String = "") -> Bool {
    let tag = #"<script src="/_guidepost/live-reload\.js" data-build=""# + build + #"" defer></script>"#
    return (try? Regex(tag + next)).map { html.contains($0) } ?? false
}

/// `sitegen serve` over loopback: what a browser gets for pages, assets and mistakes.
@Suite struct ServeTests {
    @Test func servesPagesAssetsAndTheSitesOwnErrorPages() async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let page = try await get("/guides/start/", port: port)
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.body.contains("The first words."))
            // Linked to the preview, so every link works locally.
            #expect(page.body.contains(#"href="http://127.0.0.1:\#(port)/guides/start/""#))
            // The policy the built `_headers` file asks a host to send, sent here too.
            let policy = try #require(page.header("Content-Security-Policy"))
            #expect(policy.contains("default-src 'self'") && policy.contains("script-src 'self'"))
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("Cache-Control") == "no-store")
            #expect(hasReloadTag(page.body, before: "\n</body>"))
            #expect(page.body.contains(#"<link rel="stylesheet" href="/_guidepost/live-reload.css">"#))

            let cssPath = try #require(page.body.firstMatch(of: /href="(\/assets\/site\.[0-9a-f]+\.css)"/)?.1)
            let css = try await get(String(cssPath), port: port)
            #expect(css.status == 200)
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.header("Content-Security-Policy") != nil)
            #expect(!css.body.contains("live-reload"))

            let image = try await get("/media/basics/badge.png", port: port)
            #expect(image.status == 200)
            #expect(image.header("Content-Type") == "image/png")
            #expect(image.body.contains("PNG"))

            let missing = try await get("/guides/nowhere/", port: port)
            #expect(missing.status == 404)
            #expect(missing.header("Content-Type") == "text/html; charset=utf-8")
            #expect(missing.body.contains("Page not found"))
            #expect(hasReloadTag(missing.body))
            #expect(try await get("/_headers", port: port).status == 404)

            let folder = try await get("/guides/start", port: port)
            #expect(folder.status == 301)
            #expect(folder.header("Location") == "/guides/start/")
            #expect(try await get("/guides/start?from=mail", port: port).header("Location") == "/guides/start/?from=mail")

            let home = try await get("/", port: port)
            #expect(home.status == 200)
            #expect(hasReloadTag(home.body))
        }
    }

    @Test func headAnswersWithTheLengthOfAGetAndOtherMethodsAreRefused() async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let full = try await get("/guides/start/", port: port)
            let head = try await get("/guides/start/", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(full.body.utf8.count))
            let post = try await get("/guides/start/", port: port, method: "POST")
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
        }
    }

    @Test func theReloadScriptAndStylesheetAreServedButNeverBuilt() async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let script = try await get("/_guidepost/live-reload.js", port: port)
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.body.contains("new EventSource('/_guidepost/events' + (build ? '?build=' + encodeURIComponent(build) : ''))"))
            #expect(!script.body.contains("innerHTML"))
            let style = try await get("/_guidepost/live-reload.css", port: port)
            #expect(style.status == 200)
            #expect(style.header("Content-Type") == "text/css; charset=utf-8")
            #expect(style.body.contains(".guidepost-live-errors"))
        }
        // A normal build of the same project: not one file mentions the reload machinery.
        let output = try BuildPipeline(options: BuildOptions(content: project.content, templates: project.templates)).generate()
        let texts = output.files.compactMap { output.text($0.path) }
        #expect(!texts.isEmpty)
        #expect(!texts.contains { $0.contains("_guidepost") || $0.contains("live-reload") })
    }

    @Test func anEditedGuideReloadsOpenTabsAndIsServedAfterwards() async throws {
        let project = try TestProject()
        let log = ReportLog()
        try await withServer(project, log: log) { _, port in
            let tab = try EventStreamReader(port: port)
            defer { tab.close() }
            #expect(await tab.waitFor("retry: 1000"))

            try project.write("content/Basics/start.md", guide("Start here", "The second words."))

            #expect(await tab.waitFor("event: reload\ndata: {}\n\n"), "\(tab.transcript)")
            let page = try await get("/guides/start/", port: port)
            #expect(page.body.contains("The second words."))
            #expect(!page.body.contains("The first words."))
        }
        let rebuilt = log.all.compactMap { report -> [String]? in
            if case .rebuilt(_, _, let changed, _) = report { return changed }
            return nil
        }
        #expect(rebuilt.first == [project.content + "/Basics/start.md"])
        #expect(log.all.first.map { $0.text.hasPrefix("Serving 7 pages at http://127.0.0.1:") } == true)
    }

    /// A page is sent, then its reload script connects; a rebuild that ends in between used to
    /// be announced to nobody, and the tab kept the old page until the next save. Each page now
    /// names the build it is from, and a stream that opens behind the current build reloads.
    @Test func aTabWhoseStreamOpensAfterARebuildStillReloads() async throws {
        let project = try TestProject()
        let log = ReportLog()
        try await withServer(project, log: log) { _, port in
            let page = try await get("/guides/start/", port: port)
            let build = try #require(page.body.firstMatch(of: /data-build="([^"]+)"/).map { String($0.1) })

            try project.write("content/Basics/start.md", guide("Start here", "The second words."))
            #expect(await eventually { log.all.contains { $0.text.hasPrefix("Rebuilt") } })

            let current = try await get("/guides/start/", port: port)
            let newBuild = try #require(current.body.firstMatch(of: /data-build="([^"]+)"/).map { String($0.1) })
            #expect(newBuild != build)
            let upToDate = try EventStreamReader(port: port, build: newBuild)
            defer { upToDate.close() }
            let behind = try EventStreamReader(port: port, build: build)
            defer { behind.close() }
            #expect(await behind.waitFor("event: reload"), "\(behind.transcript)")
            #expect(await upToDate.waitFor("retry: 1000"))
            #expect(upToDate.count(of: "event: reload") == 0)
        }
    }

    @Test func aBrokenEditKeepsTheLastGoodSiteAndShowsTheErrorUntilItIsFixed() async throws {
        let project = try TestProject()
        let log = ReportLog()
        try await withServer(project, log: log) { _, port in
            let tab = try EventStreamReader(port: port)
            defer { tab.close() }
            #expect(await tab.waitFor("retry: 1000"))

            try project.write("content/Basics/next.md", guide("Next step", "Go back to [the start](gone.md)."))

            #expect(await tab.waitFor("event: error\ndata: {"), "\(tab.transcript)")
            // One line of JSON naming the file, the line and the column of the broken link.
            #expect(tab.transcript.contains(#""file":"\#(project.content)/Basics/next.md""#))
            #expect(tab.transcript.contains(#""line":4"#))
            #expect(tab.transcript.contains(#""column":12"#))
            #expect(tab.transcript.contains("next.md:4:12: error: the link `gone.md`"))
            #expect(tab.count(of: "event: reload") == 0)
            let stale = try await get("/guides/next/", port: port)
            #expect(stale.status == 200)
            #expect(stale.body.contains("the start"))

            // A tab opened now learns about the errors at once.
            let late = try EventStreamReader(port: port)
            defer { late.close() }
            #expect(await late.waitFor("event: error"))

            try project.write("content/Basics/next.md", guide("Next step", "Back to [the beginning](start.md)."))

            #expect(await tab.waitFor("event: reload"), "\(tab.transcript)")
            #expect(await late.waitFor("event: reload"))
            #expect(try await get("/guides/next/", port: port).body.contains("the beginning"))
        }
        let failure = try #require(log.all.first { $0.isError })
        #expect(failure.text.contains("next.md:4:12: error: the link `gone.md`"))
        #expect(failure.text.contains("1 error\nStill serving the last good site"))
    }

    @Test func aSiteThatNeverBuiltShowsItsErrorsThenItselfOnceFixed() async throws {
        let project = try TestProject()
        try project.write("content/Basics/next.md", guide("Next step", "[x](gone.md)"))
        let log = ReportLog()
        try await withServer(project, log: log) { _, port in
            let waiting = try await get("/", port: port)
            #expect(waiting.status == 503)
            #expect(hasReloadTag(waiting.body, build: "none"))
            let tab = try EventStreamReader(port: port)
            defer { tab.close() }
            #expect(await tab.waitFor("event: error"))

            try project.write("content/Basics/next.md", guide("Next step", "[x](start.md)"))

            #expect(await tab.waitFor("event: reload"))
            #expect(try await get("/", port: port).status == 200)
        }
        #expect(log.all.map(\.isError).prefix(2) == [true, false])
        #expect(log.all.dropFirst().first?.text.hasPrefix("Serving 0 pages at") == true)
    }

    @Test func aTabThatGoesAwayIsForgotten() async throws {
        let project = try TestProject()
        var options = project.options()
        options.keepAliveInterval = .milliseconds(50)
        let server = DevServer(options: options)
        let port = try port(of: try await server.start())
        let tab = try EventStreamReader(port: port)
        #expect(await tab.waitFor("retry: 1000"))
        #expect(await server.live.listenerCount == 1)
        #expect(await tab.waitFor(": keep-alive"))
        tab.close()
        #expect(await eventually { await server.live.listenerCount == 0 })
        await server.stop()
    }

    @Test func aPortInUseIsReportedNotHidden() async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            var options = project.options()
            options.port = port
            let second = DevServer(options: options)
            await #expect(throws: ServeError.self) { try await second.start() }
        }
    }
}
