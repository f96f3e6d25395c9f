import Testing
@testable import GuidepostMarkdown

@Suite("Links and their source positions")
struct LinkPositionTests {
    private func position(of destination: String, in document: MarkdownDocument) -> (line: Int, column: Int)? {
        document.links.first { $0.destination == destination }.map { ($0.line, $0.column) }
    }

    @Test func linksInParagraphsListsAndQuotesAreOnTheirOwnLines() throws {
        let source = """
        # Title

        First [one](a.md) line
        second line with [two](b.md "Two")
          indented ![three](c.png)

        - item [four](d.md)
          continued [five](e.md)

        > quote [six](f.md)
        > more [seven](g.md)
        lazy [eight](h.md)
        """
        let document = MarkdownDocument.parse(source)
        #expect(document.links.count == 8)
        #expect(position(of: "a.md", in: document)! == (3, 7))
        #expect(position(of: "b.md", in: document)! == (4, 18))
        #expect(position(of: "c.png", in: document)! == (5, 12))
        #expect(position(of: "d.md", in: document)! == (7, 8))
        #expect(position(of: "e.md", in: document)! == (8, 13))
        #expect(position(of: "f.md", in: document)! == (10, 9))
        #expect(position(of: "g.md", in: document)! == (11, 8))
        #expect(position(of: "h.md", in: document)! == (12, 6))
    }

    @Test func recordsDestinationTitleKindAndIndexInDocumentOrder() {
        let document = MarkdownDocument.parse("""
        See [guide](../Other/guide.md#step-2 "Step two") and ![Phone](<phone screenshot.png>).

        [![Badge](badge.svg)](https://example.com/?a=1&b=2)
        """)
        #expect(document.links == [
            Link(index: 0, destination: "../Other/guide.md#step-2", title: "Step two", isImage: false, line: 1, column: 5),
            Link(index: 1, destination: "phone screenshot.png", title: "", isImage: true, line: 1, column: 54),
            // The outer link comes before the image inside it.
            Link(index: 2, destination: "https://example.com/?a=1&b=2", title: "", isImage: false, line: 3, column: 1),
            Link(index: 3, destination: "badge.svg", title: "", isImage: true, line: 3, column: 2),
        ])
    }

    @Test func linesAfterBackslashHardBreaksAndTwoSpaceBreaks() {
        // cmark itself does not count a backslash break as a new line.
        let document = MarkdownDocument.parse("A\\\n  b [x](x.md)  \nc [y](y.md)\n")
        #expect(position(of: "x.md", in: document)! == (2, 5))
        #expect(position(of: "y.md", in: document)! == (3, 3))
    }

    @Test func linesAfterLeadingReferenceDefinitions() {
        let document = MarkdownDocument.parse("[ref]: /r\n\"title\"\nText [a](a.md)\nmore [b][ref]\n")
        #expect(position(of: "a.md", in: document)! == (3, 6))
        #expect(position(of: "/r", in: document)! == (4, 6))
    }

    @Test func linesInHeadingsAndAfterMultiLineInlineHTML() {
        let document = MarkdownDocument.parse("""
        ## Setup [h](h.md)

        Some <span
        class="x">text</span> and [z](z.md)
        """)
        #expect(position(of: "h.md", in: document)! == (1, 10))
        #expect(position(of: "z.md", in: document)! == (4, 27))
    }

    @Test func columnsCountCharactersNotBytes() {
        let document = MarkdownDocument.parse("Ünïcödé 账户 [a](a.md)\n\n- 🎉 [b](b.md)\n")
        #expect(position(of: "a.md", in: document)! == (1, 12))
        #expect(position(of: "b.md", in: document)! == (3, 5))
    }

    @Test func linesCountCRLFAndTabs() {
        let document = MarkdownDocument.parse("one\r\ntwo [a](a.md)\r\n\r\n>\tq\n\tz [b](b.md)\n")
        #expect(position(of: "a.md", in: document)! == (2, 5))
        #expect(position(of: "b.md", in: document)! == (5, 4))
    }

    @Test func autolinksAreLinks() {
        let document = MarkdownDocument.parse("Mail <https://example.com/x> now")
        #expect(document.links == [Link(index: 0, destination: "https://example.com/x", title: "", isImage: false, line: 1, column: 6)])
    }

    @Test func linkValuesInTheTreeMatchTheLinksList() {
        let document = MarkdownDocument.parse("x\ny [a](a.md) ![i](i.png)")
        guard case .paragraph(let inlines)? = document.blocks.first else {
            Issue.record("expected a paragraph")
            return
        }
        let inTree = inlines.compactMap { inline -> Link? in
            switch inline {
            case .link(let link, _), .image(let link, _): link
            default: nil
            }
        }
        #expect(inTree == document.links)
        #expect(inTree.map(\.line) == [2, 2])
    }
}
