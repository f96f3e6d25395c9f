import Foundation
import Testing
@testable import Guidepost

@Suite struct SiteGenerationTests {
    @Test func guidesGetPrettyURLsAndCategoriesComeFromFolders() throws {
        let site = try generate([
            "Getting Started/Account & Security/Some-article.md": "---\ntitle: Some article\nid: 42\n---\nBody.\n",
            "Безопасность/Пароль.md": "# Надёжный пароль\n\nТекст.\n",
        ])
        #expect(site.text("guides/some-article/index.html")?.hasPrefix("guide|Some article|") == true)
        #expect(site.text("guides/пароль/index.html")?.contains("guide|Надёжный пароль|") == true)
        #expect(site.text("categories/getting-started/index.html")?.hasPrefix("category|Getting Started|") == true)
        let nested = try #require(site.text("categories/getting-started/account-security/index.html"))
        #expect(nested.contains("category|Account &amp; Security|Some article;"))
        #expect(nested.contains("Home>/;Getting Started>/categories/getting-started/;"))
        #expect(site.text("categories/безопасность/index.html") != nil)
    }

    @Test func linksBetweenContentFilesBecomeSiteURLs() throws {
        let site = try generate([
            "Help Topics/a.md": guideFile("A", body: "[b](<../Other & More/b.md#deep-dive>) and [faq](../faq.md#q-1) and [self](#intro)\n\n## Intro"),
            "Other & More/b.md": guideFile("B", body: "## Deep dive"),
            "faq.md": "---\nlayout: faq\n---\n## Question one {#q-1}\nAnswer.\n",
        ])
        let html = try #require(site.text("guides/a/index.html"))
        #expect(html.contains(#"href="/guides/b/#deep-dive""#))
        #expect(html.contains(#"href="/faq/#q-1""#))
        #expect(html.contains(##"href="#intro""##))
    }

    @Test func imagesBesideArticlesAreCopiedAndLinked() throws {
        let site = try generate([
            "Account & Security/guide.md": guideFile("G", body: "![Screen](My Screen.PNG)".replacingOccurrences(of: "My Screen.PNG", with: "<My Screen.PNG>")),
            "Account & Security/My Screen.PNG": "png-bytes",
        ])
        #expect(site["media/account-security/my-screen.png"] != nil)
        #expect(site.text("guides/guide/index.html")?.contains(#"src="/media/account-security/my-screen.png""#) == true)
    }

    @Test func externalLinksAreLeftAlone() throws {
        let site = try generate(["a.md": guideFile("A", body: "[x](https://example.com/a?b=1&c=2) [m](mailto:help@example.com)")])
        let html = try #require(site.text("guides/a/index.html"))
        #expect(html.contains(#"href="https://example.com/a?b=1&amp;c=2""#))
        #expect(html.contains(#"href="mailto:help@example.com""#))
    }

    @Test func aSiteUnderASubPathGetsEveryURLRight() throws {
        let site = try generate([
            "site.yml": "baseURL: https://example.com/help/\n",
            "Topic/a.md": guideFile("A", body: "[b](b.md)"),
            "Topic/b.md": guideFile("B"),
        ])
        let html = try #require(site.text("guides/a/index.html"))
        #expect(html.contains(#"href="/help/guides/b/""#))
        #expect(html.contains("|https://example.com/help/guides/a/|"))
        #expect(html.contains("/help/assets/site."))
        #expect(html.contains(#""item":"https://example.com/help/categories/topic/""#))
        #expect(site.text("sitemap.xml")?.contains("<loc>https://example.com/help/guides/a/</loc>") == true)
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.com/help/sitemap.xml\n")
    }

    @Test func theBaseURLOptionOverridesSiteYml() throws {
        let site = try generate(["site.yml": "baseURL: https://a.example/\n", "a.md": guideFile("A")], baseURL: "https://b.example/docs/")
        #expect(site.text("guides/a/index.html")?.contains("https://b.example/docs/guides/a/") == true)
    }

    @Test func assetsAreFingerprintedByContent() throws {
        let one = try generate(["a.md": guideFile("A")])
        var theme = minimalTheme
        theme["templates/assets/site.css"] = "body{color:red}"
        let two = try generate(["a.md": guideFile("A")], theme: theme)
        let first = one.files.map(\.path).filter { $0.hasPrefix("assets/site.") }
        let second = two.files.map(\.path).filter { $0.hasPrefix("assets/site.") }
        #expect(first.count == 1 && second.count == 1)
        #expect(first != second)
        #expect(one.text("guides/a/index.html")?.contains("/" + first[0]) == true)
    }

    @Test func theTitleComesFromTheFirstHeadingWhenFrontMatterHasNone() throws {
        let site = try generate(["guide.md": "# From the heading\n\nBody text.\n"])
        let html = try #require(site.text("guides/guide/index.html"))
        #expect(html.hasPrefix("guide|From the heading|"))
        // The template shows the title, so the body must not repeat it.
        #expect(!html.contains("<h1"))
    }

    @Test func faqQuestionsGetStableAnchors() throws {
        let site = try generate([
            "a.md": guideFile("A"),
            "faq.md": "---\nlayout: faq\ntitle: FAQ\n---\nIntro.\n\n## Can I pin this? {#pinned}\nYes.\n\n## What about this one?\nAlso.\n",
        ])
        #expect(site.text("faq/index.html") == "faq|FAQ|pinned=Can I pin this?;what-about-this-one=What about this one?;")
    }

    @Test func relatedGuidesShareTagsFirst() throws {
        let site = try generate([
            "T/a.md": guideFile("A", extra: "tags: [phone]\n"),
            "T/b.md": guideFile("B"),
            "U/c.md": guideFile("C", extra: "tags: [phone]\n"),
        ])
        let html = try #require(site.text("guides/a/index.html"))
        #expect(html.contains("|C;B;|"))
    }

    @Test func contentIsEscapedAndRawHTMLIsSanitizedByDefault() throws {
        let site = try generate(["a.md": guideFile("<script>alert(1)</script>", body: "<script>alert(2)</script>\n\nHi <b>there</b>")])
        let html = try #require(site.text("guides/a/index.html"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Hi <b>there</b>"))
        #expect(html.contains(#""name":"\u003cscript\u003ealert(1)\u003c/script\u003e""#))
    }

    @Test func rawHTMLCanBeTrustedInSiteYml() throws {
        for value in ["true", "trusted"] {
            let site = try generate(["site.yml": "markdown:\n  rawHTML: \(value)\n", "a.md": guideFile("A", body: "Hi <b class=\"x\">there</b>")])
            #expect(site.text("guides/a/index.html")?.contains("Hi <b class=\"x\">there</b>") == true)
        }
    }

    @Test func aTemplateOverrideReplacesOneFile() throws {
        var tree = minimalTheme
        tree["content/a.md"] = guideFile("A")
        tree["mine/guide.mustache"] = "custom|{{guide.title}}"
        let options = BuildOptions(overrides: "mine")
        let site = try BuildPipeline(options: options, fileSystem: InMemoryFileSystem(tree)).generate()
        #expect(site.text("guides/a/index.html") == "custom|A")
        #expect(site.text("404.html") == "404|Page not found")
    }

    @Test func theOverridesFolderCanBeNamedInSiteYml() throws {
        var tree = minimalTheme
        tree["content/a.md"] = guideFile("A")
        tree["content/site.yml"] = "templateOverrides: mine\n"
        tree["mine/guide.mustache"] = "custom|{{guide.title}}"
        let site = try BuildPipeline(fileSystem: InMemoryFileSystem(tree)).generate()
        #expect(site.text("guides/a/index.html") == "custom|A")
    }

    @Test func theSitemapListsIndexablePagesOnly() throws {
        let site = try generate(["a.md": guideFile("A")], baseURL: "https://help.example.com/")
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://help.example.com/guides/a/</loc>"))
        #expect(sitemap.contains("<loc>https://help.example.com/</loc>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func guidesAreOrderedByOrderThenTitle() throws {
        let site = try generate([
            "T/z.md": guideFile("Zebra", extra: "order: 1\n"),
            "T/a.md": guideFile("Apple"),
            "T/m.md": guideFile("Mango", extra: "order: 2\n"),
        ])
        #expect(site.text("categories/t/index.html")?.contains("|Zebra;Mango;Apple;|") == true)
    }
}
