import Testing
@testable import GuidepostMarkdown

/// Raw HTML in Markdown: sanitized a block at a time, its links and ids given to the generator,
/// and every drop a warning at its line and column.
@Suite("Raw HTML in Markdown")
struct RawHTMLTests {
    func parse(_ markdown: String, _ mode: RawHTMLMode = .sanitized) -> MarkdownDocument {
        MarkdownDocument.parse(markdown, options: .init(rawHTML: mode))
    }

    func html(_ markdown: String, _ mode: RawHTMLMode = .sanitized) -> String {
        HTMLRenderer(resolveLink: { "/r/" + $0.destination }).render(parse(markdown, mode))
    }

    func warnings(_ markdown: String, _ mode: RawHTMLMode = .sanitized) -> [String] {
        parse(markdown, mode).diagnostics.map { "\($0.line):\($0.column): \($0.message)" }
    }

    @Test func inlineHTMLAmongMarkdownComesOutRight() {
        #expect(html("Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to [save](a.md) **now**.")
            == "<p>Press <kbd>Ctrl</kbd>+<kbd>S</kbd> to <a href=\"/r/a.md\">save</a> <strong>now</strong>.</p>\n")
        #expect(html("- Press <kbd>F1</kbd>\n- b") == "<ul>\n<li>Press <kbd>F1</kbd></li>\n<li>b</li>\n</ul>\n")
        #expect(html("![A <b>bold</b> photo](p.png) <br>") == "<p><img src=\"/r/p.png\" alt=\"A &lt;b&gt;bold&lt;/b&gt; photo\" loading=\"lazy\" /> <br /></p>\n")
    }

    @Test func aHeadingWithHTMLKeepsItsTextAndGetsASlugOfIt() {
        let document = parse("## Title<br>more\n\n## Press <kbd>F1</kbd>")
        #expect(document.headings.map(\.id) == ["title-more", "press-f1"])
        #expect(document.headings.map(\.text) == ["Title more", "Press F1"])
        #expect(HTMLRenderer().render(document) == "<h2 id=\"title-more\">Title<br />more</h2>\n<h2 id=\"press-f1\">Press <kbd>F1</kbd></h2>\n")
    }

    @Test func anHTMLAnchorGivesAHeadingASecondID() {
        let document = parse("## Heading <a id=\"old\"></a>\n\n<a name=\"older\"></a>\n\n[Up](#old)")
        #expect(document.headings.map(\.id) == ["heading"])
        #expect(document.anchors == ["old", "older"])
        #expect(HTMLRenderer().render(document).hasPrefix("<h2 id=\"heading\">Heading <a id=\"old\"></a></h2>\n<p><a id=\"older\"></a></p>\n"))
    }

    @Test func idsAreUniqueInAPageAndAnHTMLIDComesFirst() {
        let document = parse("<a id=\"setup\"></a>\n\n## Setup\n\n<span id=\"setup\">x</span> <b id=\"main\">y</b>")
        #expect(document.headings.map(\.id) == ["setup-2"])
        #expect(document.anchors == ["setup"])
        #expect(document.diagnostics.map(\.message) == [
            "the id `setup` was dropped: a heading or an element before it on this page has that id",
            "the id `main` was dropped: the page's theme uses that id for its own element",
        ])
    }

    @Test func hrefsAndSrcsBecomeLinksAtTheirPlace() {
        let document = parse("Text [md](a.md)\n\n> <a href=\"b.md#x\">b</a> and\n> <img src=\"p.png\" alt=\"P\">")
        #expect(document.links.map(\.destination) == ["a.md", "b.md#x", "p.png"])
        #expect(document.links.map(\.isImage) == [false, false, true])
        #expect(document.links.map { "\($0.line):\($0.column)" } == ["1:6", "3:3", "4:3"])
        #expect(HTMLRenderer(resolveLink: { "/\($0.index)" }).render(document).contains("<a href=\"/1\">b</a> and\n<img src=\"/2\" alt=\"P\" loading=\"lazy\" />"))
    }

    @Test func eachDropIsAWarningAtItsLineAndColumn() {
        let markdown = """
        Intro with <span style="x">é <font>f</font></span>.

        <div>
          <script>alert(1)</script>
        </div>

        - item <a href="javascript:go()">x</a>
        """
        #expect(warnings(markdown) == [
            "1:12: the attribute `style` of `<span>` was dropped: inline styles are blocked by the site's Content-Security-Policy; the theme styles the page",
            "1:30: `<font>` was dropped; its text is kept",
            "4:3: `<script>` was dropped with everything inside it",
            "7:8: the `href` of `<a>` was dropped: `javascript:` links may run code or open local files",
        ])
    }

    @Test func aPhrasingTagLeftOpenEndsWithItsBlock() {
        let markdown = "Some <b>bold\n\nNot bold.\n\n<p>Para <i>open\n\nText.\n"
        #expect(html(markdown) == "<p>Some <b>bold</b></p>\n<p>Not bold.</p>\n<p>Para <i>open\n</i></p>\n<p>Text.</p>\n")
        #expect(warnings(markdown) == [
            "1:6: `<b>` has no `</b>` in its HTML block and ends where the block ends",
            "5:9: `<i>` has no `</i>` in its HTML block and ends where the block ends",
        ])
    }

    @Test func htmlAroundMarkdownWrapsItAsOnGitHub() {
        let markdown = """
        <details>
        <summary>More <b>help</b></summary>

        Some **Markdown** and a [link](a.md).

        ## Inside

        </details>

        After.
        """
        #expect(html(markdown) == "<details>\n<summary>More <b>help</b></summary>\n<p>Some <strong>Markdown</strong> and a "
            + "<a href=\"/r/a.md\">link</a>.</p>\n<h2 id=\"inside\">Inside</h2>\n</details>\n<p>After.</p>\n")
        #expect(warnings(markdown) == [])
        #expect(parse(markdown).headings.map(\.id) == ["inside"])
    }

    @Test func wrappersNestAndCloseInOneBlockOrSeveral() {
        let together = "<div>\n<details>\n\nText.\n\n</details>\n</div>\n"
        let apart = "<div>\n\n<details>\n\nText.\n\n</details>\n\n</div>\n"
        #expect(html(together) == "<div>\n<details>\n<p>Text.</p>\n</details>\n</div>\n")
        #expect(html(apart) == "<div>\n<details>\n<p>Text.</p>\n</details>\n</div>\n")
        #expect(warnings(together) == [] && warnings(apart) == [])
    }

    @Test func aCloserCanOpenTheNextWrapper() {
        // The FAQ pattern: one block ends a question and starts the next.
        let markdown = "<details>\n<summary>A?</summary>\n\nAnswer A.\n\n</details>\n<details>\n<summary>B?</summary>\n\nAnswer B.\n\n</details>\n"
        #expect(html(markdown) == "<details>\n<summary>A?</summary>\n<p>Answer A.</p>\n</details>\n"
            + "<details>\n<summary>B?</summary>\n<p>Answer B.</p>\n</details>\n")
        #expect(warnings(markdown) == [])
    }

    @Test func aWrapperNeverClosedEndsWithItsContainerAndSaysSo() {
        #expect(html("<details>\n\nText.\n") == "<details>\n<p>Text.</p>\n</details>\n")
        #expect(warnings("Intro.\n\n<details>\n\nText.\n") == [
            "3:1: `<details>` has no `</details>` before the end of the page, so it ends there",
        ])
        #expect(html("- <div>\n\n  Text.\n- next\n") == "<ul>\n<li>\n<div>\n<p>Text.</p>\n</div>\n</li>\n<li>\n<p>next</p>\n</li>\n</ul>\n")
        #expect(warnings("- <div>\n\n  Text.\n- next\n") == [
            "1:3: `<div>` has no `</div>` before the end of its list item, so it ends there",
        ])
    }

    @Test func aCloserInAnotherContainerClosesNothing() {
        let markdown = "<details>\n\n> </details>\n\nText.\n"
        #expect(html(markdown) == "<details>\n<blockquote>\n\n</blockquote>\n<p>Text.</p>\n</details>\n")
        #expect(warnings(markdown) == [
            "1:1: `<details>` has no `</details>` before the end of the page, so it ends there",
            "3:3: `</details>` closes nothing in its HTML block and was dropped",
        ])
    }

    @Test func aDroppedWrapperKeepsWhatItWrapsAndNeedsNoEndTag() {
        let markdown = "<section>\n\nText.\n\n</section>\n"
        #expect(html(markdown) == "\n<p>Text.</p>\n")
        #expect(warnings(markdown) == ["1:1: `<section>` was dropped; its text is kept"])
        #expect(html("<div class=\"note\">\n\nText.\n\n</div>\n", .trusted) == "<div class=\"note\">\n<p>Text.</p>\n</div>\n")
    }

    @Test func onlyElementsThatHoldBlocksWrapMarkdown() {
        // A paragraph or a summary holds text only: the block ends them, as before.
        let markdown = "<details>\n<summary>Open\n\nText.\n\n</details>\n"
        #expect(html(markdown) == "<details>\n<summary>Open\n</summary></details>\n<p>Text.</p>\n\n")
        #expect(warnings(markdown) == [
            "1:1: `<details>` has no `</details>` in its HTML block and ends where the block ends",
            "2:1: `<summary>` has no `</summary>` in its HTML block and ends where the block ends",
            "6:1: `</details>` closes nothing in its HTML block and was dropped",
        ])
    }

    @Test func aBlockOfHTMLInAParagraphKeepsOnlyItsText() {
        #expect(html("Text <table><tr><td>cell</td></tr></table> more") == "<p>Text cell more</p>\n")
        #expect(html("<svg onload=alert(1)></svg>") == "")
    }

    @Test func noneDropsEveryPieceWithAWarning() {
        let markdown = "A <kbd>k</kbd>\n\n<table><tr><td>x</td></tr></table>\n"
        #expect(html(markdown, .none) == "<p>A <!-- raw HTML omitted -->k<!-- raw HTML omitted --></p>\n<!-- raw HTML omitted -->\n")
        #expect(warnings(markdown, .none) == [
            "1:3: the raw HTML `<kbd>` is not shown: site.yml sets `markdown.rawHTML: none`",
            "1:9: the raw HTML `</kbd>` is not shown: site.yml sets `markdown.rawHTML: none`",
            "3:1: the raw HTML `<table><tr><td>x</td></tr></table>` is not shown: site.yml sets `markdown.rawHTML: none`",
        ])
    }

    @Test func trustedKeepsHTMLAndStillChecksItsLinks() {
        let document = parse("<div class=\"x\" onclick=\"y()\"><a href=\"a.md\">a</a><a href=\"vbscript:x\">b</a></div>", .trusted)
        #expect(HTMLRenderer().render(document) == "<div class=\"x\" onclick=\"y()\"><a href=\"a.md\">a</a><a>b</a></div>\n")
        #expect(document.links.map(\.destination) == ["a.md"])
        #expect(document.diagnostics.count == 1)
    }

    @Test func sanitizedTextCountsForSummariesAndSearch() {
        let document = parse("<table><tr><td>Plan</td><td>Price</td></tr></table>\n\nPress <kbd>Ctrl</kbd> to save.")
        #expect(document.summary == "Press Ctrl to save.")
        #expect(document.plainText == "Plan Price\nPress Ctrl to save.")
    }

    @Test func aDocumentWithoutHTMLIsParsedAsBefore() {
        let document = parse("# T\n\nPlain *text* and [a link](x.md).")
        #expect(document.blocks.allSatisfy { block in
            if case .paragraph(let inlines) = block { return !inlines.contains { if case .markup = $0 { true } else { false } } }
            return true
        })
        #expect(document.anchors == [] && document.diagnostics == [])
    }
}
