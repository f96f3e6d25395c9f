import Foundation
import Testing
@testable import Guidepost
import GuidepostSupport

/// A moved guide keeps its old URLs working through redirect pages.
@Suite struct AliasTests {
    @Test func anAliasLeavesARedirectPageAtTheOldURL() throws {
        let site = try generate([
            "site.yml": "baseURL: https://example.com/help/\n",
            "a.md": guideFile("A & B", extra: "aliases: [/old-a/, guides/older-a/, legacy/a.html]\n"),
        ])
        let page = try #require(site.text("old-a/index.html"))
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=/help/guides/a/">"#))
        #expect(page.contains(#"<link rel="canonical" href="https://example.com/help/guides/a/">"#))
        #expect(page.contains(#"<a href="/help/guides/a/">A &amp; B</a>"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        // The same policy as every other page, so a redirect page is no weaker spot.
        let policy = HTMLEscaper.quotes.escape(ContentSecurityPolicy.strict.text)
        #expect(page.contains(#"<meta http-equiv="Content-Security-Policy" content="\#(policy)">"#))
        #expect(policy.contains("script-src"))
        #expect(site.text("guides/older-a/index.html") != nil)
        #expect(site.text("legacy/a.html") != nil)
        #expect(site.text("sitemap.xml")?.contains("old-a") == false)
    }

    @Test func anAliasThatCollidesWithAPageIsAnError() {
        let errors = buildErrors([
            "a.md": guideFile("A"),
            "b.md": guideFile("B", extra: "aliases: /guides/a/\n"),
        ])
        #expect(errors.map(\.kind) == [.duplicateURL])
        #expect(errors.first?.file == "content/b.md")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("content/a.md") == true)
    }

    @Test(arguments: ["../../etc/", "/a/../b/", "https://elsewhere.example/x/", "/", "//elsewhere.example/x/", "%2F%2Fhost/x/"])
    func anAliasOutsideTheSiteIsAnError(_ alias: String) {
        let errors = buildErrors(["a.md": guideFile("A", extra: "aliases: [\"\(alias)\"]\n")])
        #expect(errors.map(\.kind) == [.unsafePath])
    }
}

@Suite struct OutputClashTests {
    /// Once these built as far as writing and failed there (`robots.txt: Is a directory`),
    /// naming neither the guide nor the line; `check` passed them.
    @Test(arguments: ["/404.html", "/robots.txt", "/_headers", "/sitemap.xml", "/search/index.json", "/search/",
                      "/assets/site.css", "/media/x.png", "/flows/pick/", "/index.html"])
    func anAliasOntoAGeneratedFileIsAnErrorAtItsLine(_ alias: String) {
        let files = ["a.md": guideFile("A", extra: "summary: S.\naliases: [\"/old/\", \"\(alias)\"]\n")]
        let errors = buildErrors(files)
        #expect(errors.map(\.kind) == [.duplicateURL])
        #expect(errors.first?.file == "content/a.md")
        #expect(errors.first?.line == 4)
        #expect(errors.first?.message.contains("which Guidepost writes itself") == true, "\(errors)")
        var tree = minimalTheme
        for (path, text) in files { tree["content/" + path] = text }
        let report = BuildPipeline(fileSystem: InMemoryFileSystem(tree)).check()
        #expect(report.findings.filter { $0.severity == .error }.map(\.description).map { $0.prefix(28) } == ["content/a.md:4:1: error: the"])
    }

    @Test func aFileWhereTheSiteNeedsAFolderIsAnErrorBeforeAnythingIsWritten() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "aliases: [/x.html, /x.html/y/]\n")])
        #expect(errors.map(\.description) == ["x.html: error: `x.html` would be both a file and a folder of the site\n"
            + "  hint: change the alias, slug or folder name that makes a URL Guidepost uses for its own pages (search/, flows/, assets/, media/)."])
    }
}
