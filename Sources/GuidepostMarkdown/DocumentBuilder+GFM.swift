/// The GFM extensions' part of building: inline passes on each frame, tables in place of
/// paragraphs, and parsing the snippets (cells, footnotes) that cmark cannot see as such.
extension DocumentBuilder {
    /// The frame's inlines after the GFM inline passes, or as they are when the block cannot hold any.
    mutating func extended(_ frame: Frame, insideLink: Bool = false) -> [Inline] {
        guard let block = leaf, !block.triggers.isEmpty, block.triggers != .pipe else { return frame.inlines }
        let inside = insideLink || stack.contains { frame in
            switch frame.container {
            case .link, .image: true
            default: false
            }
        }
        var pass = GFMInlinePass(triggers: block.triggers, insideLink: inside, nextLinkIndex: links.count, source: source)
        let inlines = pass.run(frame.inlines, points: frame.points)
        links += pass.links
        diagnostics += pass.diagnostics
        if !pass.links.isEmpty || inlines.contains(where: Self.holdsReference) { leaf?.extended = true }
        return inlines
    }

    private static func holdsReference(_ inline: Inline) -> Bool {
        if case .footnoteReference = inline { return true }
        return inline.children.contains(where: holdsReference)
    }

    /// Puts the block's links back in source order (autolinks were added after the links around
    /// them) and its footnote references on their final line and character column.
    func settlingExtensions(_ inlines: [Inline], firstLink: Int, shift: Int) -> [Inline] {
        // `links` is settled by the caller; only the order and the inlines' copies remain.
        let order = links[firstLink...].indices.sorted { (links[$0].line, links[$0].column, $0) < (links[$1].line, links[$1].column, $1) }
        var newIndex = [Int: Int]()
        for (position, old) in order.enumerated() { newIndex[old] = firstLink + position }
        var columns = ColumnCounter(source)
        return inlines.map { inline in
            inline.rewriting { node -> Inline in
                switch node {
                case .link(let link, let children): return .link(relinked(link, newIndex), children)
                case .image(let link, let children): return .image(relinked(link, newIndex), children)
                case .footnoteReference(var reference):
                    reference.line += shift
                    reference.column = columns.characterColumn(line: reference.line, byteColumn: reference.column)
                    return .footnoteReference(reference)
                default: return node
                }
            }
        }
    }

    private func relinked(_ link: Link, _ newIndex: [Int: Int]) -> Link {
        var settled = links[link.index]
        settled.index = newIndex[link.index] ?? link.index
        return settled
    }

    /// Called once per block, after `settlingExtensions`, to store the links in their new order.
    mutating func reorderLinks(from firstLink: Int) {
        guard firstLink < links.count else { return }
        links[firstLink...].sort { ($0.line, $0.column, $0.index) < ($1.line, $1.column, $1.index) }
        for index in firstLink..<links.count { links[index].index = index }
    }
}
