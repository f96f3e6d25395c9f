import Foundation
import GuidepostMarkdown
import Testing
@testable import Guidepost

/// What the hardening found, each pinned by the smallest input that showed it.
@Suite struct RobustnessRegressionTests {
    /// `[top](#)` is the top of the page; it used to fail as a link to a missing heading.
    @Test func anEmptyFragmentIsTheTopOfThePage() throws {
        let site = try generate([
            "a.md": guideFile("A", body: "[top](#) and [b](b.md#)"),
            "b.md": guideFile("B"),
        ])
        let page = try #require(site.text("guides/a/index.html"))
        #expect(page.contains(##"<a href="#">top</a>"##))
        #expect(page.contains(#"<a href="/guides/b/">b</a>"#))
    }

    /// Two folders whose names make the same category URL: the error names a file to rename
    /// (it named only the categories, with no file).
    @Test func aCategoryURLClashNamesAFile() {
        let errors = buildErrors([
            "Billing & Plans/a.md": guideFile("A"),
            "billing plans/b.md": guideFile("B"),
        ])
        #expect(errors.map(\.kind) == [.duplicateURL])
        #expect(errors.first?.file == "content/billing plans/b.md")
        #expect(errors.first?.description.hasPrefix("content/billing plans/b.md: error: category `billing plans`") == true)
    }

    /// The support URL lands in an `href` on every page: characters a URL cannot hold are
    /// percent-encoded (the page was invalid HTML), escapes and URL syntax are kept.
    @Test func theSupportURLIsEncodedForHref() throws {
        let yaml = #"support: {url: "https://example.com/a b?q=\"<x>\"&r=%41%zz`#f#g"}"#
        let config = try SiteConfig.parse(yaml, file: "site.yml")
        #expect(config.support?.url == "https://example.com/a%20b?q=%22%3Cx%3E%22&r=%41%25zz%60#f%23g")
        #expect(SiteConfig.encodedURL("mailto:help@example.com?subject=Hi") == "mailto:help@example.com?subject=Hi")
        #expect(SiteConfig.encodedURL("/contact/été") == "/contact/%C3%A9t%C3%A9")
    }

    /// A pinned id lands in `href="#id"` too: an id a URL cannot hold is no pin, and the
    /// heading keeps the text and gets the usual slug.
    @Test func aPinThatNoURLCanHoldStaysText() {
        let document = MarkdownDocument.parse("## One {#a\\<b}\n\n## Two {#c\"d}\n\n## Three {#it's-&-fine}\n\n## Four {#безопасность}\n")
        #expect(document.headings.map(\.id) == ["one-a-b", "two-c-d", "it's-&-fine", "безопасность"])
        #expect(document.headings.map(\.text) == ["One {#a<b}", "Two {#c”d}", "Three", "Four"])
    }

    /// A URL holds one fragment: a second `#` is percent-encoded (cmark leaves it, invalid).
    @Test func aSecondHashInALinkIsEncoded() {
        let html = HTMLRenderer().render(MarkdownDocument.parse("[x](https://e.com/a#b#c) [y](#d)"))
        #expect(html.contains(#"href="https://e.com/a#b%23c""#))
        #expect(html.contains(##"href="#d""##))
    }

    /// Nested deeper than the limit: an error naming the line, not a stack overflow.
    @Test func tooDeepANestingNamesTheLine() {
        let body = "Intro.\n\n" + String(repeating: "> ", count: MarkdownDocument.maxNesting + 1) + "deep\n"
        let errors = buildErrors(["a.md": guideFile("A", body: body)])
        #expect(errors.map(\.kind) == [.unreadableFile])
        #expect(errors.first?.file == "content/a.md")
        #expect(errors.first?.line == 6)
        let document = MarkdownDocument.parse(body)
        #expect(document.tooDeep == 3 && document.blocks.isEmpty)
    }
}
