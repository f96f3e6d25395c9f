import Testing
@testable import GuidepostMarkdown

@Suite("Attribute blocks after headings and links")
struct AttributeBlockTests {
    @Test(arguments: ["## Reset{#reset}", "## Reset {#reset}", "## Reset {#reset .wide}", "## Reset {: #reset}", "## Reset {#reset} ##"])
    func headingBlocksPinTheIdAndNeverShow(_ source: String) {
        let document = MarkdownDocument.parse(source + "\n")
        #expect(document.headings.map(\.id) == ["reset"])
        #expect(HTMLRenderer().render(document) == "<h2 id=\"reset\">Reset</h2>\n")
    }

    @Test func aClassOnAHeadingIsDroppedWithAWarningAtTheBrace() {
        let document = MarkdownDocument.parse("Intro\n\n## Reset the app{.wide #reset}\n")
        #expect(document.headings.map(\.text) == ["Reset the app"])
        #expect(document.headings.map(\.id) == ["reset"])
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.line == 3)
        #expect(document.diagnostics.first?.column == 17)
        #expect(document.diagnostics.first?.message.contains("`.wide`") == true)
    }

    @Test func aClassOnlyBlockKeepsTheSlug() {
        let document = MarkdownDocument.parse("## Reset the app {.link-external}\n")
        #expect(document.headings.map(\.id) == ["reset-the-app"])
        #expect(document.diagnostics.isEmpty)
    }

    @Test func bracesInProseStay() {
        let document = MarkdownDocument.parse("## Use {curly} braces {x=1}\n\nSee [this](a.md) {curly} too.\n")
        #expect(document.headings.map(\.text) == ["Use {curly} braces {x=1}"])
        #expect(HTMLRenderer().render(document).contains("{curly} too."))
        #expect(document.diagnostics.isEmpty)
    }

    @Test func presentationalClassAfterALinkIsConsumedSilently() {
        let document = MarkdownDocument.parse("Read [the docs](https://example.com/docs){.link-external} first.\n")
        #expect(HTMLRenderer().render(document) == "<p>Read <a href=\"https://example.com/docs\">the docs</a> first.</p>\n")
        #expect(document.diagnostics.isEmpty)
    }

    @Test func otherAttributesAfterLinksAndImagesAreDroppedWithAWarning() {
        let document = MarkdownDocument.parse("Text\n\n*See* ![Logo](logo.png){width=120 .round} and [x](y.md){#here}.\n")
        let html = HTMLRenderer().render(document)
        #expect(!html.contains("{"))
        #expect(html.contains("</a>.</p>"))
        #expect(document.diagnostics.map(\.line) == [3, 3])
        #expect(document.diagnostics.map(\.column) == [7, 47])
        #expect(document.diagnostics[0].message.contains("`.round` and `width=120`"))
        #expect(document.diagnostics[1].message.contains("`#here`"))
    }

    @Test func aMalformedBlockAfterALinkShowsAndWarns() {
        let document = MarkdownDocument.parse("[x](y.md){.}\n")
        #expect(HTMLRenderer().render(document).contains("</a>{.}"))
        #expect(document.diagnostics.count == 1)
    }

    @Test func aSecondPinnedIdWarnsAndGetsASuffix() {
        let document = MarkdownDocument.parse("## One {#dup}\n\n## Two {#dup}\n\n## Dup\n")
        #expect(document.headings.map(\.id) == ["dup", "dup-2", "dup-3"])
        #expect(document.diagnostics.map(\.line) == [3])
        #expect(document.diagnostics.first?.message.contains("`One`") == true)
    }

    @Test func suffixesSkipIdsTakenByOtherHeadings() {
        let document = MarkdownDocument.parse("## Steps\n\n## Steps 2\n\n## Steps\n\n## Steps\n\n## Steps-3\n")
        #expect(document.headings.map(\.id) == ["steps", "steps-2", "steps-3", "steps-4", "steps-3-2"])
    }

    @Test func columnsOfManyLinksOnALineCountCharacters() {
        let document = MarkdownDocument.parse("Cafe\u{301} [a](x) e\u{301}e\u{301} [b](y) [c](z)\n")
        #expect(document.links.map(\.column) == [6, 16, 23])
    }
}
