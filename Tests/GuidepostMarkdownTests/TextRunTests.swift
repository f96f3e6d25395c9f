import Testing
@testable import GuidepostMarkdown

/// A document's literals are runs of one string: each run must still read as its own text,
/// in the order the tree has them, across text, code spans and inline HTML.
@Suite struct TextRunTests {
    static func runs(_ inlines: [Inline]) -> [TextRun] {
        inlines.flatMap { inline -> [TextRun] in
            switch inline {
            case .text(let run), .code(let run), .html(let run): [run]
            case .emphasis(let children), .strong(let children), .link(_, let children), .image(_, let children): runs(children)
            case .strikethrough(let children): runs(children)
            case .softBreak, .lineBreak, .taskMarker, .footnoteReference, .markup: []
            }
        }
    }

    @Test func everyLiteralReadsAsItsOwnTextFromOneSharedString() throws {
        let document = MarkdownDocument.parse("Café *über* `x < y` <b>bold</b> [link **ünï**](a.md) \"quoted\"\n\nSecond ¶ ✓.", options: .init(rawHTML: .none))
        guard case .paragraph(let first)? = document.blocks.first, case .paragraph(let second)? = document.blocks.last else {
            Issue.record("expected two paragraphs")
            return
        }
        let all = Self.runs(first) + Self.runs(second)
        #expect(all.map(\.description) == ["Café ", "über", " ", "x < y", " ", "<b>", "bold", "</b>", " ", "link ", "ünï", " “quoted”", "Second ¶ ✓."])
        #expect(Set(all.map { ObjectIdentifier($0.storage) }).count == 1, "the runs of one document share one string")
    }

    @Test func runsMadeAfterParsingCompareByText() {
        #expect(TextRun("abc") == "abc")
        #expect(TextRun("abc") != "abd")
        #expect(TextRun("").isEmpty)
    }
}
