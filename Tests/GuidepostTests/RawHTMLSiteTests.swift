import Foundation
import Testing
@testable import Guidepost

/// Raw HTML in a whole build: its links and images resolved and checked like Markdown's, its
/// ids link targets, its drops warnings at the file's lines, and `markdown.rawHTML` read.
@Suite struct RawHTMLSiteTests {
    @Test func htmlAnchorsAreLinkTargetsOnTheirPageAndFromOthers() throws {
        let site = try generate([
            "a.md": guideFile("A", body: "## Heading <a id=\"old-anchor\"></a>\n\n[Up](#old-anchor) and <a href=\"b.md#legacy\">B</a>"),
            "b.md": guideFile("B", body: "<a name=\"legacy\"></a>\n\n[Back](a.md#old-anchor)"),
        ])
        let a = try #require(site.text("guides/a/index.html"))
        #expect(a.contains("<a href=\"#old-anchor\">Up</a> and <a href=\"/guides/b/#legacy\">B</a>"))
        #expect(site.text("guides/b/index.html")?.contains("<a href=\"/guides/a/#old-anchor\">Back</a>") == true)
    }

    @Test func aMissingAnchorListsTheHTMLIDsToo() {
        let errors = buildErrors(["a.md": guideFile("A", body: "<a id=\"kept\"></a>\n\n## H\n\n[x](#gone)")])
        #expect(errors.map(\.description) == ["content/a.md:8:1: error: the link `#gone` points to a heading this page does not have\n  hint: its headings are: #h, #kept"])
    }

    @Test func anHTMLImageIsResolvedCopiedAndCheckedLikeAMarkdownImage() throws {
        let site = try generate(["a.md": guideFile("A", body: "<p><img src=\"pic.png\" alt=\"P\" width=\"40\"></p>"), "pic.png": "png"])
        #expect(site.text("guides/a/index.html")?.contains("<img src=\"/media/pic.png\" alt=\"P\" width=\"40\" loading=\"lazy\" />") == true)
        let errors = buildErrors(["a.md": guideFile("A", body: "Text\n\n<img src=\"lost.png\">\n\n![lost](lost.png)")])
        #expect(errors.map(\.message) == [
            "the link `lost.png` points to `lost.png`, which does not exist",
            "the link `lost.png` points to `lost.png`, which does not exist",
        ])
        #expect(errors.map(\.line) == [6, 8])
    }

    @Test func dropsAreWarningsAtTheFilesLines() {
        let report = check(["a.md": guideFile("A", body: "Intro.\n\n<table onclick=\"x()\"><tr><td>1</td></tr></table>\n<script>alert(1)</script>\n", extra: "summary: S.\n")])
        #expect(report.findings.map(\.description).filter { !$0.contains("no other page links") } == [
            "content/a.md:7:1: warning: the attribute `onclick` of `<table>` was dropped: event handlers never run on this site",
            "content/a.md:8:1: warning: `<script>` was dropped with everything inside it",
        ])
    }

    @Test(arguments: [("none", true), ("false", true), ("sanitized", false), ("trusted", false), ("true", false)])
    func theModesAndTheOldBoolean(_ value: String, _ drops: Bool) throws {
        let report = check(["site.yml": "markdown:\n  rawHTML: \(value)\n", "a.md": guideFile("A", body: "Press <kbd>F1</kbd>.", extra: "summary: S.\n")])
        #expect(report.errorCount == 0)
        #expect(report.findings.filter { $0.message.contains("raw HTML") }.count == (drops ? 2 : 0))
        let site = try generate(["site.yml": "markdown:\n  rawHTML: \(value)\n", "a.md": guideFile("A", body: "Press <kbd>F1</kbd>.")])
        #expect(site.text("guides/a/index.html")?.contains("<kbd>F1</kbd>") == !drops)
    }

    @Test func anUnknownModeIsAnErrorAtItsLine() {
        let errors = buildErrors(["site.yml": "title: T\nmarkdown:\n  rawHTML: safe\n", "a.md": guideFile("A")])
        #expect(errors.map(\.description) == [
            "content/site.yml:3: error: `markdown.rawHTML` must be `sanitized`, `trusted` or `none`, but it is `safe`\n  hint: `sanitized` (the default) keeps safe HTML such as tables and `<kbd>`; `trusted` keeps all of it; `none` drops it.",
        ])
    }
}
