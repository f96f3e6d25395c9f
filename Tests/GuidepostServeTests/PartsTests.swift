import Foundation
import Guidepost
import Testing
@testable import GuidepostServe

/// The server's decisions without a socket: routes, headers, injection, types, change detection.
@Suite struct PartsTests {
    let files: [String: Int] = ["index.html": 0, "guides/a/index.html": 0, "assets/site.1.css": 0,
                                "media/x/photo one.png": 0, "404.html": 0]

    @Test(arguments: [
        ("/", SiteRoute.file("index.html")),
        ("/guides/a/", .file("guides/a/index.html")),
        ("/guides/a", .redirect(location: "/guides/a/")),
        ("/guides/a/index.html", .file("guides/a/index.html")),
        ("/assets/site.1.css", .file("assets/site.1.css")),
        ("/assets/site.1.css/", .notFound),
        ("/media/x/photo%20one.png", .file("media/x/photo one.png")),
        ("/guides/b/", .notFound),
        ("/guides/b", .notFound),
        ("/guides/../index.html", .notFound),
        ("/guides%2Fa/", .notFound),
        ("//guides//a/", .file("guides/a/index.html")),
        // A location starting `//` (or `/\`, which browsers read alike) names another host.
        ("//guides/a", .redirect(location: "/guides/a/")),
        ("///guides//a", .redirect(location: "/guides/a/")),
    ])
    func routesFollowStaticHosts(path: String, route: SiteRoute) {
        #expect(SiteRoute.resolve(rawPath: path, in: files) == route)
    }

    @Test func aRedirectNeverLeavesTheSite() {
        let files = ["\\evil.example/x/index.html": 0]
        #expect(SiteRoute.resolve(rawPath: "/\\evil.example/x", in: files) == .redirect(location: "/%5Cevil.example/x/"))
    }

    @Test func aRedirectKeepsTheQuery() {
        #expect(SiteRoute.resolve(rawPath: "/guides/a", query: "q=1", in: files) == .redirect(location: "/guides/a/?q=1"))
    }

    @Test func hostingHeadersComeFromTheBuildsHeadersFileWithoutCacheRules() {
        let headers = HostingHeaders(parsing: """
            /*
              Content-Security-Policy: default-src 'self'
              X-Content-Type-Options: nosniff
            /assets/*
              Cache-Control: public, max-age=31536000, immutable
              X-Extra: yes

            """)
        #expect(headers.contentSecurityPolicy == "default-src 'self'")
        #expect(headers.headers(for: "/guides/a/").map(\.name) == ["Content-Security-Policy", "X-Content-Type-Options"])
        #expect(headers.headers(for: "/assets/site.css").map(\.name) == ["Content-Security-Policy", "X-Content-Type-Options", "X-Extra"])
    }

    @Test func theBuiltHeadersFileCarriesTheSitesPolicy() throws {
        let project = try TestProject()
        let output = try BuildPipeline(options: BuildOptions(content: project.content, templates: project.templates)).generate()
        let site = ServedSite(output)
        let policy = try #require(site.headers.contentSecurityPolicy)
        #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"))
        #expect(site.files["_headers"] == nil)
        #expect(site.pageCount == output.pageCount)
    }

    @Test func tagsGoBeforeTheLastClosingBody() {
        let html = Data("<body><pre>&lt;/body&gt;</pre></BODY>\n</html>".utf8)
        let injected = String(decoding: LiveReloadTags.inject(into: html, build: "ab12cd34-3"), as: UTF8.self)
        let tags = LiveReloadTags.tags(build: "ab12cd34-3")
        #expect(tags.contains(#"<script src="/_guidepost/live-reload.js" data-build="ab12cd34-3" defer></script>"#))
        #expect(injected == "<body><pre>&lt;/body&gt;</pre>" + tags + "</BODY>\n</html>")
        let bare = String(decoding: LiveReloadTags.inject(into: Data("<p>hi</p>".utf8), build: "ab12cd34-3"), as: UTF8.self)
        #expect(bare == "<p>hi</p>" + tags)
    }

    /// The events a tab's stream gets as it opens, after the retry delay: the stream is ended
    /// at once, so this never waits.
    func opening(_ live: LiveSite, shownBuild: String?) async -> [String] {
        let stream = await live.subscribe(shownBuild: shownBuild)
        await live.closeAll()
        var events: [String] = []
        for await data in stream { events.append(String(decoding: data, as: UTF8.self)) }
        #expect(events.first == "retry: 1000\n\n")
        return Array(events.dropFirst())
    }

    @Test func aTabBehindTheCurrentBuildIsToldToReloadAsItConnects() async throws {
        let project = try TestProject()
        let output = try BuildPipeline(options: BuildOptions(content: project.content, templates: project.templates)).generate()
        let live = LiveSite()
        await live.publish(ServedSite(output))
        let first = try #require(await live.site?.build)
        await live.publish(ServedSite(output))
        let second = try #require(await live.site?.build)
        #expect(first != second)
        #expect(first.wholeMatch(of: /[0-9a-f]{8}-1/) != nil && second.hasSuffix("-2"))

        let reload = String(decoding: ServerEvent.reload.encoded, as: UTF8.self)
        #expect(await opening(live, shownBuild: second) == [])
        #expect(await opening(live, shownBuild: nil) == [])
        #expect(await opening(live, shownBuild: first) == [reload])
        #expect(await opening(live, shownBuild: LiveSite.noBuild) == [reload])
        // A tab left open while the server was stopped and started again: the same count, another server.
        let restarted = LiveSite()
        await restarted.publish(ServedSite(output))
        #expect(await opening(restarted, shownBuild: first) == [reload])

        // Behind and broken: the reload first; the reloaded page then gets the errors.
        let errors = BuildErrors([BuildError(.brokenLink, step: .link, file: "content/a.md", line: 4, column: 9, "broken")])
        await live.fail(errors)
        #expect(await opening(live, shownBuild: first) == [reload])
        #expect(await opening(live, shownBuild: second) == [String(decoding: ServerEvent.error(errors).encoded, as: UTF8.self)])
    }

    @Test(arguments: [
        ("a/index.html", "text/html; charset=utf-8"), ("site.css", "text/css; charset=utf-8"),
        ("x.js", "text/javascript; charset=utf-8"), ("f.json", "application/json"), ("i.svg", "image/svg+xml"),
        ("i.png", "image/png"), ("i.JPG", "image/jpeg"), ("i.webp", "image/webp"), ("i.gif", "image/gif"),
        ("sitemap.xml", "application/xml; charset=utf-8"), ("robots.txt", "text/plain; charset=utf-8"),
        ("no-extension", "application/octet-stream"), ("dir.v2/file", "application/octet-stream"),
    ])
    func contentTypesFollowTheExtension(path: String, type: String) {
        #expect(ContentTypes.forPath(path) == type)
    }

    @Test func theWatcherSeesAddedChangedAndRemovedFilesButNotHiddenOnes() throws {
        let project = try TestProject()
        let watcher = SourceWatcher(roots: [project.content, project.templates])
        let before = watcher.snapshot()
        #expect(before[project.content + "/Basics/start.md"] != nil)
        #expect(before[project.templates + "/guide.mustache"] != nil)

        try project.write("content/Basics/start.md", guide("Start here", "Changed, and longer than before."))
        try project.write("content/Basics/new.md", guide("New", "New."))
        try project.write("content/.start.md.swp", "editor state")
        try FileManager.default.removeItem(atPath: project.content + "/Basics/next.md")

        #expect(SourceWatcher.changes(from: before, to: watcher.snapshot()) == [
            project.content + "/Basics/new.md", project.content + "/Basics/next.md", project.content + "/Basics/start.md",
        ])
    }

    @Test func overridesNamedInSiteConfigAreWatchedToo() throws {
        let project = try TestProject()
        #expect(SourceWatcher.roots(content: project.content, templates: "t", overrides: nil) == [project.content, "t"])
        try project.write("content/site.yml", "title: Test Help\ntemplateOverrides: mine\n")
        #expect(SourceWatcher.roots(content: project.content, templates: "t", overrides: nil) == [project.content, "t", "mine"])
        #expect(SourceWatcher.roots(content: project.content, templates: "t", overrides: "flag") == [project.content, "t", "flag"])
    }

    @Test func anErrorEventIsOneLineOfJSONWithFileLineAndColumn() throws {
        let errors = BuildErrors([BuildError(.brokenLink, step: .link, file: "content/a.md", line: 4, column: 9, "the link `x.md` is broken", hint: "fix it.")])
        let wire = String(decoding: ServerEvent.error(errors).encoded, as: UTF8.self)
        #expect(wire.hasPrefix("event: error\ndata: {"))
        #expect(wire.hasSuffix("}\n\n"))
        #expect(wire.dropLast(2).split(separator: "\n").count == 2)
        let json = try #require(wire.split(separator: "\n")[1].dropFirst("data: ".count).data(using: .utf8))
        let report = try JSONDecoder().decode(ServerEvent.ErrorReport.self, from: json)
        #expect(report.summary == "1 error")
        #expect(report.errors.first?.file == "content/a.md")
        #expect(report.errors.first?.line == 4)
        #expect(report.errors.first?.column == 9)
        #expect(report.errors.first?.text == "content/a.md:4:9: error: the link `x.md` is broken\n  hint: fix it.")
    }

    @Test func reportLinesForTheTerminal() {
        #expect(ServeReport.ready(url: "http://127.0.0.1:8000/", pages: 12).text == "Serving 12 pages at http://127.0.0.1:8000/ — Ctrl-C to stop")
        #expect(ServeReport.rebuilt(pages: 1, seconds: 0.123, changed: ["content/a.md"]).text == "Rebuilt 1 page in 0.12 s (content/a.md changed)")
        #expect(ServeReport.rebuilt(pages: 2, seconds: 1, changed: ["a", "b", "c"]).text == "Rebuilt 2 pages in 1.00 s (a and 2 more changed)")
        #expect(ServeReport.rebuilt(pages: 9, seconds: 0.1, changed: ["a"], rendered: 1).text == "Rebuilt 9 pages in 0.10 s (a changed, 1 of them made anew)")
        #expect(ServeReport.rebuilt(pages: 9, seconds: 0.1, changed: ["a"], rendered: 9).text == "Rebuilt 9 pages in 0.10 s (a changed)")
        let errors = BuildErrors([BuildError(.brokenLink, step: .link, file: "content/a.md", line: 4, "broken")])
        #expect(ServeReport.failed(errors, changed: ["content/a.md"], serving: true).text
            == "content/a.md:4: error: broken\n1 error\nStill serving the last good site (content/a.md changed).")
    }
}
