import Foundation
import Testing
@testable import Guidepost

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

    @Test(arguments: ["../../etc/", "/a/../b/", "https://elsewhere.example/x/", "/"])
    func anAliasOutsideTheSiteIsAnError(_ alias: String) {
        let errors = buildErrors(["a.md": guideFile("A", extra: "aliases: [\"\(alias)\"]\n")])
        #expect(errors.map(\.kind) == [.unsafePath])
    }
}

@Suite struct OutputClashTests {
    @Test func anAliasOntoAGeneratedPageIsAnError() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "aliases: [/404.html]\n")])
        #expect(errors.map(\.kind) == [.duplicateURL])
        #expect(errors.first?.file == "404.html")
    }
}
