import Testing
@testable import GuidepostMarkdown

/// `plainText` is written straight into one string; it must equal the lines it used to collect
/// and join, empty lines (a paragraph of raw HTML, an empty code block) left out.
@Suite struct PlainTextJoinTests {
    /// The earlier way: one string per block, the empty ones dropped, joined.
    private func joinedLines(_ blocks: [Block]) -> String {
        var lines: [String] = []
        func collect(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines): lines.append(PlainText.of(inlines))
                case .heading(let heading, _): lines.append(heading.text)
                case .blockQuote(let children), .callout(_, let children): collect(children)
                case .list(_, _, _, let items): items.forEach(collect)
                case .codeBlock(_, let literal):
                    var code = Substring(literal)
                    while code.last == "\n" { code.removeLast() }
                    lines.append(String(code))
                case .htmlBlock(let fragment): lines.append(PlainText.collapsingWhitespace(fragment.text))
                case .video(let video): lines.append(video.title)
                case .thematicBreak, .flow, .table, .footnotes: break
                }
            }
        }
        collect(blocks)
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    @Test(arguments: [
        "# Title\n\nSome *emphasis* and `code`\nacross lines.\n\n- one\n- two\n\n```\nlet x = 1\n```\n",
        "<div>raw</div>\n\nText after raw HTML.\n",
        "<span>only inline html</span>\n\nNext.\n",
        "```\n```\n\n```\n\n\n```\n\nAfter empty code.\n",
        "> [!NOTE]\n> In a callout.\n\n> quoted\n> > nested\n",
        "1. a\n   - b\n     - c\n\n     para in item\n\n---\n\n![alt *text*](x.png)\n",
        "## \n\nEmpty heading above.\n", "", "\n\n", "Line one  \nline two\\\nthree\n",
        "```flow\nreset\n```\n\nAfter a flow.\n",
    ])
    func joinedTextMatchesTheJoinedLines(_ markdown: String) {
        let document = MarkdownDocument.parse(markdown)
        #expect(document.plainText == joinedLines(document.blocks))
    }
}
