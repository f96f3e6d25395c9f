import Testing
@testable import GuidepostMarkdown

@Suite("GFM pipe tables")
struct GFMTableTests {
    private func table(_ markdown: String) -> Table? {
        for block in MarkdownDocument.parse(markdown).blocks {
            if case .table(let table) = block { return table }
        }
        return nil
    }

    private func texts(_ cells: [[Inline]]) -> [String] { cells.map { PlainText.of($0) } }

    @Test func headerDelimiterAndBodyRowsMakeATable() throws {
        let found = try #require(table("| Plan | Seats |\n| ---- | ----- |\n| Team | 10 |\n| Shop | 3 |\n"))
        #expect(texts(found.header) == ["Plan", "Seats"])
        #expect(found.rows.map(texts) == [["Team", "10"], ["Shop", "3"]])
        #expect(found.alignments == [.none, .none])
    }

    @Test func outerPipesAreOptional() throws {
        let found = try #require(table("Plan | Seats\n--- | ---\nTeam | 10\n"))
        #expect(texts(found.header) == ["Plan", "Seats"])
        #expect(found.rows.map(texts) == [["Team", "10"]])
    }

    @Test func colonsSetTheAlignment() throws {
        let found = try #require(table("|a|b|c|d|\n|:--|:-:|--:|---|\n"))
        #expect(found.alignments == [.left, .center, .right, .none])
        let out = renderedHTML("|a|b|c|d|\n|:--|:-:|--:|---|\n|1|2|3|4|\n")
        #expect(out.contains(#"<th scope="col" class="align-left">a</th>"#))
        #expect(out.contains(#"<td class="align-center">2</td>"#))
        #expect(out.contains(#"<td class="align-right">3</td>"#))
        #expect(out.contains("<td>4</td>"))
        #expect(!out.contains("style="))
    }

    @Test func aHeaderOnlyTableHasNoBody() {
        let out = renderedHTML("| Name | Role |\n|---|---|\n")
        #expect(out == """
            <div class="table-scroll" role="region" aria-label="Table: Name, Role" tabindex="0">
            <table>
            <thead>
            <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            </tr>
            </thead>
            </table>
            </div>

            """)
    }

    @Test func aHeaderWithADifferentCellCountIsNoTable() {
        #expect(table("| a | b | c |\n| --- | --- |\n| 1 | 2 |\n") == nil)
        #expect(renderedHTML("| a | b | c |\n| --- | --- |\n").hasPrefix("<p>"))
    }

    @Test func aDelimiterRowNeedsDashes() {
        #expect(table("| a | b |\n| :: | -- |\n") == nil)
        #expect(table("| a | b |\n| x- | -- |\n") == nil)
    }

    @Test func shortRowsArePaddedWithEmptyCells() throws {
        let found = try #require(table("| a | b | c |\n|---|---|---|\n| only |\n"))
        #expect(found.rows.map(texts) == [["only", "", ""]])
        #expect(renderedHTML("| a | b |\n|---|---|\n| x |\n").contains("<td>x</td>\n<td></td>"))
    }

    @Test func extraCellsAreDroppedWithAWarning() throws {
        let document = MarkdownDocument.parse("Intro\n\n| a | b |\n|---|---|\n| 1 | 2 | three | four |\n")
        guard case .table(let found)? = document.blocks.last else {
            Issue.record("no table")
            return
        }
        #expect(found.rows.map(texts) == [["1", "2"]])
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.line == 5)
        #expect(document.diagnostics.first?.column == 11)
        #expect(document.diagnostics.first?.message.contains("not shown") == true)
    }

    @Test func escapedPipesStayInTheCellEvenInCode() throws {
        let found = try #require(table("| expression | meaning |\n|---|---|\n| `a \\| b` | either a \\| b |\n"))
        #expect(found.rows.first?.first == [.code("a | b")])
        #expect(found.rows.first.map(texts) == ["a | b", "either a | b"])
    }

    @Test func anUnescapedPipeInACodeSpanStillSplitsCells() throws {
        let found = try #require(table("| x | y |\n|---|---|\n| `a | b` |\n"))
        #expect(found.rows.map(texts) == [["`a", "b`"]])
    }

    @Test func cellsHoldRealInlines() throws {
        let found = try #require(table("| What | Where |\n|---|---|\n| **bold** and *it* | [docs](guide.md) |\n"))
        #expect(found.rows[0][0].contains(.strong([.text("bold")])))
        guard case .link(let link, let children)? = found.rows[0][1].first else {
            Issue.record("no link in the cell")
            return
        }
        #expect(link.destination == "guide.md")
        #expect(children == [.text("docs")])
    }

    @Test func cellsThatLookLikeBlocksStayText() throws {
        let found = try #require(table("| a | b | c | d |\n|---|---|---|---|\n| # not a heading | - not a list | > no quote | 1. no |\n"))
        #expect(found.rows.map(texts) == [["# not a heading", "- not a list", "> no quote", "1. no"]])
    }

    @Test func linksInCellsAreInTheDocumentWithTheirPositions() {
        let source = "Text [first](a.md)\n\n| Col | Link |\n| --- | --- |\n| é | see [second](b.md) and ![pic](p.png) |\n"
        let document = MarkdownDocument.parse(source)
        #expect(document.links.map(\.destination) == ["a.md", "b.md", "p.png"])
        #expect(document.links.map(\.index) == [0, 1, 2])
        #expect(document.links.map(\.line) == [1, 5, 5])
        #expect(document.links.map(\.column) == [6, 11, 30])
        let renderer = HTMLRenderer(resolveLink: { "/resolved/\($0.index)" })
        let out = renderer.render(document)
        #expect(out.contains(#"<a href="/resolved/1">second</a>"#))
        #expect(out.contains(#"<img src="/resolved/2" alt="pic""#))
    }

    @Test func aLinkAfterAnEscapedPipeIsPlacedRight() {
        let document = MarkdownDocument.parse("| a |\n|---|\n| x \\| [l](y.md) |\n")
        #expect(document.links.first?.line == 3)
        #expect(document.links.first?.column == 8)
    }

    @Test func linesBeforeTheHeaderStayAParagraph() {
        let document = MarkdownDocument.parse("Some [intro](i.md) text\n| a | b |\n| - | - |\n| 1 | 2 |\n")
        #expect(document.blocks.count == 2)
        #expect(document.blocks.first == .paragraph([.text("Some "), .link(document.links[0], [.text("intro")]), .text(" text")]))
        #expect(document.links.map(\.line) == [1])
        #expect(document.links.map(\.column) == [6])
    }

    @Test func theTableEndsAtABlankLineOrAnotherBlock() {
        let document = MarkdownDocument.parse("| a |\n| - |\n| 1 |\n\nAfter\n\n| b |\n| - |\n| 2 |\n> quote\n")
        let kinds = document.blocks.map { block -> String in
            switch block {
            case .table: "table"
            case .paragraph: "p"
            case .blockQuote: "quote"
            default: "other"
            }
        }
        #expect(kinds == ["table", "p", "table", "quote"])
    }

    @Test func aTableInsideAListItemOrQuote() {
        #expect(renderedHTML("- item\n\n  | a |\n  | - |\n  | 1 |\n").contains("<table>"))
        #expect(renderedHTML("> | a |\n> | - |\n> | 1 |\n").contains("<td>1</td>"))
    }

    @Test func theScrollBoxIsLabelledByTheHeader() {
        #expect(renderedHTML("| | |\n|-|-|\n|1|2|\n").contains(#"aria-label="Table""#))
        #expect(renderedHTML("| *Name* | <b> |\n|-|-|\n").contains(#"aria-label="Table: Name, &lt;b&gt;""#)
                || renderedHTML("| *Name* | <b> |\n|-|-|\n").contains(#"aria-label="Table: Name""#))
    }

    @Test func cellTextIsInThePlainText() {
        let document = MarkdownDocument.parse("| Plan | Price |\n|---|---|\n| Team | ~~20~~ 10 |\n")
        #expect(document.plainText == "Plan Price\nTeam 20 10")
    }

    @Test func aTableFollowedByDashesIsNoHeading() {
        let document = MarkdownDocument.parse("| a | b |\n|---|---|\n| 1 | 2 |\n---\n")
        #expect(document.headings.isEmpty)
        #expect(document.blocks.count == 2)
        #expect(document.blocks.last == .thematicBreak)
        let equals = MarkdownDocument.parse("| a |\n|---|\n| 1 |\n===\n")
        #expect(equals.headings.isEmpty)
        guard case .table(let found)? = equals.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(found.rows.map(texts) == [["1"], ["==="]])
        #expect(MarkdownDocument.parse("Title | with pipe\n---\n").headings.count == 1)
    }

    @Test func referenceLinksInCellsUseTheDocumentsDefinitions() throws {
        let source = "| Where |\n|---|\n| [the guide][g] and [plain] |\n\n[g]: guide.md \"Guide\"\n  [plain]:\n    other.md\n"
        let document = MarkdownDocument.parse(source)
        #expect(document.links.map(\.destination) == ["guide.md", "other.md"])
        #expect(document.links.map(\.column) == [3, 22])
        let found = try #require(table(source))
        #expect(PlainText.of(found.rows[0][0]) == "the guide and plain")
    }

    @Test func paragraphsWithPipesButNoDelimiterRowAreUnchanged() {
        #expect(renderedHTML("a | b\nc | d\n") == "<p>a | b\nc | d</p>\n")
    }
}
