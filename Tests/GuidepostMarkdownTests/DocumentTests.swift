import Testing
@testable import GuidepostMarkdown

@Suite("Title, summary, plain text and sections")
struct DocumentTests {
    @Test func titleIsTheLeadingLevelOneHeading() {
        let document = MarkdownDocument.parse("# Change a *phone* number\n\nMove it.\n\n# Another\n")
        #expect(document.title == "Change a phone number")
    }

    @Test func withoutLeadingHeadingTheTitleIsTheFirstLevelOneHeadingAnywhere() {
        #expect(MarkdownDocument.parse("Intro.\n\n## Sub\n\n# Real title\n\n# Later\n").title == "Real title")
        #expect(MarkdownDocument.parse("Intro.\n\n## Only level two\n").title == nil)
        #expect(MarkdownDocument.parse("").title == nil)
    }

    @Test func summaryIsTheFirstTopLevelParagraphWithWhitespaceCollapsed() {
        let document = MarkdownDocument.parse("""
        # Title

        > [!NOTE]
        > Not this callout.

        - nor this list

        Move the   number *with* `codes`
        sent to the [old](a.md) number.

        Not the second paragraph.
        """)
        #expect(document.summary == "Move the number with codes sent to the old number.")
    }

    @Test func summaryIsNilWithoutParagraph() {
        #expect(MarkdownDocument.parse("# Only a title\n\n- a list\n").summary == nil)
    }

    @Test func longSummaryIsCutAtAWordBoundary() throws {
        let words = (1...60).map { "word\($0)" }.joined(separator: " ")
        let summary = try #require(MarkdownDocument.parse(words).summary)
        #expect(summary.count <= 200)
        #expect(summary.hasSuffix("…"))
        let kept = summary.dropLast()
        #expect(words.hasPrefix(kept))
        // The cut falls between words: the next character of the original is a space.
        #expect(words[words.index(words.startIndex, offsetBy: kept.count)] == " ")
    }

    @Test func summaryOfExactlyTheLimitIsNotCut() {
        let text = String(repeating: "a", count: 200)
        #expect(MarkdownDocument.parse(text).summary == text)
        let longWord = String(repeating: "b", count: 250)
        #expect(MarkdownDocument.parse(longWord).summary == String(repeating: "b", count: 199) + "…")
    }

    @Test func plainTextHasOneLinePerBlockWithoutMarkup() {
        let document = MarkdownDocument.parse("""
        # Title

        Some *emphasis* and `code`
        across lines.

        - one
        - two

        ```swift
        let x = 1
        ```

        <div>raw</div>
        """)
        // Sanitized raw HTML is text a reader sees, so search finds it.
        #expect(document.plainText == "Title\nSome emphasis and code across lines.\none\ntwo\nlet x = 1\nraw")
    }

    @Test func sectionsSplitAtTheGivenLevel() throws {
        let document = MarkdownDocument.parse("""
        # FAQ

        Intro.

        ## How do I reset? {#reset}

        Like this.

        ### Detail

        ## Why? {#why}

        Because.
        """)
        let (preamble, sections) = document.sections(atLevel: 2)
        #expect(preamble.count == 2)
        #expect(sections.map(\.heading.id) == ["reset", "why"])
        #expect(sections.map(\.heading.text) == ["How do I reset?", "Why?"])
        #expect(sections[0].blocks.count == 2)
        guard case .heading(let detail, _) = sections[0].blocks[1] else {
            Issue.record("a deeper heading stays inside its section")
            return
        }
        #expect(detail.text == "Detail")
        #expect(sections[1].blocks == [.paragraph([.text("Because.")])])
    }

    @Test func sectionsWithoutMatchingHeadingsAreAllPreamble() {
        let document = MarkdownDocument.parse("Just text.\n\n### Deep\n")
        let split = document.sections(atLevel: 2)
        #expect(split.preamble == document.blocks)
        #expect(split.sections.isEmpty)
    }

    @Test func replacementCharacterAndControlsDoNotCrash() {
        let document = MarkdownDocument.parse("# Bad \u{FFFD} byte\n\nText \u{FFFD}\u{0} [l\u{FFFD}](x\u{FFFD}.md)\n")
        #expect(document.title == "Bad \u{FFFD} byte")
        #expect(document.links.count == 1)
        #expect(HTMLRenderer().render(document).contains("\u{FFFD}"))
    }

    @Test func smartPunctuationComesFromCmark() {
        let document = MarkdownDocument.parse("\"Quoted\" -- it's done --- really...")
        #expect(document.plainText == "\u{201C}Quoted\u{201D} \u{2013} it\u{2019}s done \u{2014} really\u{2026}")
    }
}
