/// Renders parsed Markdown to HTML. The output matches cmark's `cmark_render_html` except for
/// heading ids, callouts, flow embeds, `loading="lazy"` on images, `#` for refused URLs, and
/// raw HTML, which the parser sanitized (`RawHTMLMode`).
public struct HTMLRenderer: Sendable {
    /// Returns the URL to emit for a link or image (unescaped; the renderer escapes it). Default: the destination.
    public var resolveLink: @Sendable (Link) -> String
    /// Returns the HTML that replaces a ```flow block. Default: an empty string.
    public var renderFlow: @Sendable (FlowEmbed) -> String
    /// When true, a level-1 heading that is the document's first block is not rendered (the page template shows the title).
    public var omitLeadingTitle: Bool

    public init(
        omitLeadingTitle: Bool = false,
        resolveLink: @escaping @Sendable (Link) -> String = { $0.destination },
        renderFlow: @escaping @Sendable (FlowEmbed) -> String = { _ in "" }
    ) {
        self.omitLeadingTitle = omitLeadingTitle
        self.resolveLink = resolveLink
        self.renderFlow = renderFlow
    }

    public func render(_ document: MarkdownDocument) -> String {
        var blocks = document.blocks[...]
        if omitLeadingTitle, case .heading(let heading, _)? = blocks.first, heading.level == 1 {
            blocks = blocks.dropFirst()
        }
        return render(blocks)
    }

    public func render(_ blocks: [Block]) -> String {
        render(blocks[...])
    }

    private func render(_ blocks: ArraySlice<Block>) -> String {
        var writer = HTMLWriter(renderer: self)
        // Markup roughly doubles the text; one growth step is cheaper than many.
        writer.out.reserveCapacity(4096)
        for block in blocks {
            writer.write(block, tight: false)
        }
        return writer.out
    }
}
