import Testing
@testable import GuidepostMarkdown

@Suite("Callouts and flow embeds")
struct CalloutAndFlowTests {
    @Test(arguments: CalloutKind.allCases)
    func eachCalloutKindRendersAsALabelledAside(_ kind: CalloutKind) {
        let marker = kind.rawValue.uppercased()
        let document = MarkdownDocument.parse("> [!\(marker)]\n> Migrating closes the *old* account.\n")
        #expect(document.blocks == [.callout(kind, [.paragraph([
            .text("Migrating closes the "), .emphasis([.text("old")]), .text(" account."),
        ])])])
        #expect(HTMLRenderer().render(document) == """
        <aside class="callout callout-\(kind.rawValue)" aria-label="\(kind.title)">
        <p class="callout-title">\(kind.title)</p>
        <p>Migrating closes the <em>old</em> account.</p>
        </aside>

        """)
    }

    @Test func calloutTitles() {
        #expect(CalloutKind.allCases.map(\.title) == ["Note", "Tip", "Important", "Warning", "Caution"])
    }

    @Test func markerIsCaseInsensitiveAndMayStandInItsOwnParagraph() {
        let document = MarkdownDocument.parse("> [!tip]\n>\n> First.\n>\n> - a list\n")
        guard case .callout(.tip, let blocks)? = document.blocks.first else {
            Issue.record("expected a tip callout, got \(document.blocks)")
            return
        }
        #expect(blocks.count == 2)
        #expect(blocks.first == .paragraph([.text("First.")]))
    }

    @Test func textAfterTheMarkerOnItsLineKeepsAQuote() {
        let document = MarkdownDocument.parse("> [!NOTE] Not a callout.\n")
        guard case .blockQuote? = document.blocks.first else {
            Issue.record("expected a block quote, got \(document.blocks)")
            return
        }
        #expect(HTMLRenderer().render(document) == "<blockquote>\n<p>[!NOTE] Not a callout.</p>\n</blockquote>\n")
    }

    @Test func unknownMarkersAndPlainQuotesStayQuotes() {
        for markdown in ["> [!DANGER]\n> x\n", "> Just a quote.\n", "> **[!NOTE]**\n> x\n"] {
            guard case .blockQuote? = MarkdownDocument.parse(markdown).blocks.first else {
                Issue.record("expected a block quote for \(markdown)")
                continue
            }
        }
    }

    @Test func calloutLinksKeepTheirLines() {
        let document = MarkdownDocument.parse("> [!WARNING]\n> See [this](a.md).\n")
        #expect(document.links.map(\.line) == [2])
        #expect(document.links.map(\.column) == [7])
    }

    @Test func flowBlocksBecomeEmbeds() {
        let document = MarkdownDocument.parse("""
        # Guide

        ```flow
          occupied-contact
        ignored
        ```

        ```flow extra words
        second
        ```

        ```flowchart
        not a flow
        ```
        """)
        #expect(document.flows == [FlowEmbed(id: "occupied-contact", line: 3), FlowEmbed(id: "second", line: 8)])
        #expect(document.blocks[1] == .flow(FlowEmbed(id: "occupied-contact", line: 3)))
        let renderer = HTMLRenderer(renderFlow: { "<div data-flow=\"\($0.id)\"></div>" })
        #expect(renderer.render(document) == """
        <h1 id="guide">Guide</h1>
        <div data-flow="occupied-contact"></div>
        <div data-flow="second"></div>
        <pre><code class="language-flowchart">not a flow
        </code></pre>

        """)
        #expect(HTMLRenderer().render(document).contains("occupied") == false)
    }
}
