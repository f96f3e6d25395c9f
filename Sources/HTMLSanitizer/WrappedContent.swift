/// HTML that wraps Markdown: an HTML block that leaves `<details>` or `<div>` open, Markdown
/// blocks, and a later HTML block that closes them, as GitHub renders it. Each HTML block is
/// still parsed and sanitized on its own; to learn which elements stay open at its end, the
/// sanitizer parses the block with a marker element after it and reads the marker's ancestors.
enum WrappedContent {
    /// Appended after the block; no author can write it (it starts outside the authored bytes).
    static let marker = "guidepost-wrapped-content"

    /// Elements that may stay open around Markdown blocks: the HTML parser keeps them open at the
    /// marker, and blocks of any kind may stand in the innermost one.
    static let wrappers: Set<String> = [
        "details", "div", "blockquote", "figure", "section", "article", "aside", "header", "footer", "nav",
        "center", "ul", "ol", "li", "dl", "dd",
    ]
    /// Those whose children cannot be paragraphs and lists, so they cannot be the innermost one.
    static let listsOnly: Set<String> = ["ul", "ol", "dl"]

    /// The authored elements open at the marker, outermost first; nil when there is no marker
    /// or one of them cannot wrap Markdown blocks.
    static func openElements(in nodes: [HTMLNode], authored: [Range<Int>]) -> [HTMLElement]? {
        guard let path = path(to: nodes) else { return nil }
        let wraps = path.allSatisfy { element in
            element.namespace == .html && wrappers.contains(element.name)
                && element.offset.map { offset in authored.contains { $0.contains(offset) } } == true
        }
        guard wraps, let innermost = path.last, !listsOnly.contains(innermost.name) else { return nil }
        return path
    }

    private static func path(to nodes: [HTMLNode]) -> [HTMLElement]? {
        for node in nodes.reversed() {
            guard case .element(let element) = node else { continue }
            if element.name == marker { return [] }
            if let below = path(to: element.children) { return [element] + below }
        }
        return nil
    }
}

/// An element an HTML block leaves open around the Markdown after it.
public struct OpenElement: Sendable, Equatable {
    public var name: String
    /// False when the allowlist dropped the element (its content is kept), so no end tag is due.
    public var kept: Bool
    /// Byte offset of its start tag in the input.
    public var offset: Int
}

extension HTMLNode {
    var isMarker: Bool {
        if case .element(let element) = self { element.name == WrappedContent.marker } else { false }
    }
}
