/// Rewrites parts of a finished tree: links after they are renumbered or placed, footnote
/// references once they are numbered.
extension Inline {
    /// This inline with `change` applied to every link and image in it, its own and its children's.
    func rewritingLinks(_ change: (Link) -> Link) -> Inline {
        rewriting { inline in
            switch inline {
            case .link(let link, let children): .link(change(link), children)
            case .image(let link, let children): .image(change(link), children)
            default: inline
            }
        }
    }

    /// `change` applied to this inline's children first, then to it.
    func rewriting(_ change: (Inline) -> Inline) -> Inline {
        switch self {
        case .emphasis(let children): change(.emphasis(children.map { $0.rewriting(change) }))
        case .strong(let children): change(.strong(children.map { $0.rewriting(change) }))
        case .strikethrough(let children): change(.strikethrough(children.map { $0.rewriting(change) }))
        case .link(let link, let children): change(.link(link, children.map { $0.rewriting(change) }))
        case .image(let link, let children): change(.image(link, children.map { $0.rewriting(change) }))
        case .text, .softBreak, .lineBreak, .code, .html, .markup, .taskMarker, .footnoteReference: change(self)
        }
    }
}

extension Block {
    /// This block with `change` applied to every inline in it, at any depth.
    func rewritingInlines(_ change: (Inline) -> Inline) -> Block {
        func inlines(_ list: [Inline]) -> [Inline] { list.map { $0.rewriting(change) } }
        func blocks(_ list: [Block]) -> [Block] { list.map { $0.rewritingInlines(change) } }
        switch self {
        case .paragraph(let children): return .paragraph(inlines(children))
        case .heading(let heading, let children): return .heading(heading, inlines(children))
        case .blockQuote(let children): return .blockQuote(blocks(children))
        case .callout(let kind, let children): return .callout(kind, blocks(children))
        case .list(let ordered, let start, let tight, let items):
            return .list(ordered: ordered, start: start, tight: tight, items: items.map(blocks))
        case .table(var table):
            table.header = table.header.map(inlines)
            table.rows = table.rows.map { $0.map(inlines) }
            return .table(table)
        case .footnotes(var notes):
            for index in notes.indices { notes[index].blocks = blocks(notes[index].blocks) }
            return .footnotes(notes)
        case .codeBlock, .htmlBlock, .thematicBreak, .flow, .video: return self
        }
    }
}
