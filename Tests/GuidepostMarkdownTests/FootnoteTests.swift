import Testing
@testable import GuidepostMarkdown

@Suite("GFM footnotes")
struct FootnoteTests {
    @Test func referencesAreNumberedAndNotesCollectedAtTheEnd() {
        #expect(renderedHTML("Text[^note] more.\n\n[^note]: The note.\n") == """
            <p>Text<sup class="footnote-ref"><a id="fnref-1" href="#fn-1" aria-label="Footnote 1">1</a></sup> more.</p>
            <section class="footnotes" aria-label="Footnotes">
            <ol>
            <li id="fn-1">
            <p>The note. <a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩</a></p>
            </li>
            </ol>
            </section>

            """)
    }

    @Test func numbersFollowTheFirstReferenceNotTheDefinitions() {
        let document = MarkdownDocument.parse("[^b]: Bee.\n[^a]: Ay.\n\nFirst[^a], then *second[^b]*, again[^a].\n")
        guard case .footnotes(let notes)? = document.blocks.last else {
            Issue.record("no footnotes")
            return
        }
        #expect(notes.map(\.label) == ["a", "b"])
        #expect(notes.map(\.number) == [1, 2])
        #expect(notes[0].referenceIDs == ["fnref-1", "fnref-1-2"])
        let out = renderedHTML("[^b]: Bee.\n[^a]: Ay.\n\nFirst[^a], then *second[^b]*, again[^a].\n")
        #expect(out.contains("<a href=\"#fnref-1-2\" class=\"footnote-backref\" aria-label=\"Back to reference 1, use 2\">↩<sup>2</sup></a>"))
    }

    @Test func labelsMatchWhateverTheirCase() {
        #expect(renderedHTML("One[^Note]\n\n[^note]: n\n").contains("href=\"#fn-1\""))
    }

    @Test func notesMayHaveSeveralParagraphsAndBlocks() {
        let source = "Ref[^long].\n\n[^long]: First paragraph\n    continues.\n\n    Second paragraph with [a link](l.md).\n\n        code\n\nAfter the note.\n"
        let document = MarkdownDocument.parse(source)
        guard case .footnotes(let notes)? = document.blocks.last else {
            Issue.record("no footnotes")
            return
        }
        #expect(notes[0].blocks.count == 3)
        #expect(document.blocks.contains(.paragraph([.text("After the note.")])))
        #expect(document.links.map(\.destination) == ["l.md"])
        #expect(document.links.first?.line == 6)
        #expect(document.links.first?.column == 27)
        #expect(document.plainText.contains("First paragraph continues."))
        #expect(document.plainText.contains("Second paragraph with a link."))
    }

    @Test func aDefinitionIsNotALinkReferenceDefinition() {
        let document = MarkdownDocument.parse("See[^1].\n\n[^1]: word\n")
        #expect(document.links.isEmpty)
        #expect(renderedHTML("See[^1].\n\n[^1]: word\n").contains("<p>word <a href=\"#fnref-1\""))
    }

    @Test func linesAndColumnsAroundADefinitionStayExact() {
        let document = MarkdownDocument.parse("[^x]: note\n\nText[^x] and [link](a.md)\n")
        #expect(document.links.first?.line == 3)
        #expect(document.links.first?.column == 14)
    }

    @Test func anUndefinedReferenceIsAnErrorAtItsPosition() {
        let document = MarkdownDocument.parse("Intro\n\nSee [^missing] here\n\n[^other]: x\n[^x]: y\n\nUse[^x]\n")
        #expect(document.errors.count == 1)
        #expect(document.errors.first?.line == 3)
        #expect(document.errors.first?.column == 5)
        #expect(document.errors.first?.message.contains("[^missing]") == true)
    }

    @Test func anUnusedDefinitionIsAWarning() {
        let document = MarkdownDocument.parse("Use[^x]\n\n[^x]: y\n\n  [^spare]: never used\n")
        #expect(document.errors.isEmpty)
        #expect(document.diagnostics.map(\.line) == [5])
        #expect(document.diagnostics.first?.column == 3)
        #expect(document.diagnostics.first?.message.contains("never referenced") == true)
    }

    @Test func aLabelWithSpacesStaysLiteralWithAWarning() {
        let document = MarkdownDocument.parse("See [^two words] here\n")
        #expect(renderedHTML("See [^two words] here\n") == "<p>See [^two words] here</p>\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.column == 5)
    }

    @Test func aReferenceInsideALinkStaysLiteralWithAWarning() {
        let document = MarkdownDocument.parse("[text [^1]](u.md)\n\n[^1]: n\n")
        #expect(document.diagnostics.contains { $0.message.contains("inside a link") })
        #expect(document.diagnostics.contains { $0.message.contains("never referenced") })
    }

    @Test func definitionsInCodeAreCode() {
        #expect(renderedHTML("```\n[^1]: not a note\n```\n") == "<pre><code>[^1]: not a note\n</code></pre>\n")
        #expect(renderedHTML("`[^1]`\n") == "<p><code>[^1]</code></p>\n")
    }

    @Test func idsNeverCollideWithHeadings() {
        let document = MarkdownDocument.parse("# Fn 1\n\n## Fnref 1\n\nx[^a]\n\n[^a]: n\n")
        guard case .footnotes(let notes)? = document.blocks.last else {
            Issue.record("no footnotes")
            return
        }
        #expect(document.headings.map(\.id) == ["fn-1", "fnref-1"])
        #expect(notes[0].id == "fn-1-2")
        #expect(notes[0].referenceIDs == ["fnref-1-2"])
    }

    @Test func referencesInNotesAndTablesAreNumberedToo() {
        let document = MarkdownDocument.parse("| a |\n|---|\n| cell[^t] |\n\n[^t]: Table note[^n].\n[^n]: Nested.\n")
        guard case .footnotes(let notes)? = document.blocks.last else {
            Issue.record("no footnotes")
            return
        }
        #expect(notes.map(\.label) == ["t", "n"])
        #expect(document.errors.isEmpty)
    }

    @Test func aDefinitionInsideAQuoteOrListIsTextWithAWarning() {
        let document = MarkdownDocument.parse("Text [^q] here.\n\n> [^q]: quoted note\n\n- [^r]: listed\n")
        #expect(document.errors.map(\.line) == [1])
        #expect(document.diagnostics.map(\.line) == [3, 5])
        #expect(document.diagnostics.map(\.column) == [3, 3])
        #expect(document.diagnostics.first?.message.contains("inside a list or a quote") == true)
        #expect(renderedHTML("> [^q]: quoted note\n") == "<blockquote>\n<p>[^q]: quoted note</p>\n</blockquote>\n")
    }

    @Test func aReferenceThatCmarkMadeALinkIsReported() {
        let document = MarkdownDocument.parse("See [^r] now.\n\n1. [^r]: listed\n")
        #expect(document.links.map(\.destination) == ["listed"])
        #expect(document.diagnostics.map(\.line) == [1, 3])
        #expect(document.diagnostics.map(\.column) == [5, 4])
        #expect(document.diagnostics.first?.message.contains("read as a link") == true)
    }

    @Test func aDocumentWithoutFootnotesIsUntouched() {
        #expect(MarkdownDocument.parse("a [link] b\n\n[link]: u\n").links.map(\.destination) == ["u"])
    }
}
