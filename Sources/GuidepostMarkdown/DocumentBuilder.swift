/// Turns the events of one cmark walk into `Block`s and collects headings, links and flows.
struct DocumentBuilder {
    private struct Frame {
        var container: Container
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [[Block]] = []
        var link: Link?
    }

    /// The paragraph or heading whose inlines are being read.
    private struct LeafBlock {
        var span: BlockSpan
        var locator: InlineLocator
        var firstLink: Int
        var startsWithDefinitions: Bool
    }

    private let source: SourceText
    private var stack: [Frame] = []
    private var leaf: LeafBlock?
    private var ids = HeadingIDs()
    private(set) var blocks: [Block] = []
    private(set) var links: [Link] = []
    private(set) var headings: [Heading] = []
    private(set) var flows: [FlowEmbed] = []
    /// What the reader will not see as written; see `MarkdownDiagnostic`.
    private(set) var diagnostics: [MarkdownDiagnostic] = []
    /// Containers open now that count towards `MarkdownDocument.maxNesting`: lists, quotes, emphasis, links.
    private var depth = 0
    /// Line where the nesting first went past `MarkdownDocument.maxNesting`; the rest of the walk is then ignored.
    private(set) var tooDeep: Int?

    init(source: SourceText) {
        self.source = source
    }

    mutating func handle(_ event: WalkEvent) {
        // Everything that reads the tree (the HTML writer, plain text, search) recurses, so a
        // tree nested thousands deep would overflow the stack: past the limit, stop building.
        guard tooDeep == nil else { return }
        switch event {
        case .enter(let container, let line):
            if Self.countsAsLevel(container) {
                guard depth < MarkdownDocument.maxNesting else {
                    tooDeep = leaf?.locator.line ?? line
                    return
                }
                depth += 1
            }
            enter(container)
        case .exit: exit()
        case .leaf(let leaf): add(leaf)
        }
    }

    private mutating func enter(_ container: Container) {
        var frame = Frame(container: container)
        switch container {
        case .paragraph(let span), .heading(_, let span):
            var startsWithDefinitions = false
            if case .paragraph = container {
                startsWithDefinitions = source.startsReferenceDefinition(line: span.line, byteColumn: span.column)
            }
            leaf = LeafBlock(
                span: span, locator: InlineLocator(firstLine: span.line),
                firstLink: links.count, startsWithDefinitions: startsWithDefinitions
            )
        case .emphasis(let column), .strong(let column):
            _ = place(column)
        case .link(let destination, let title, let column), .image(let destination, let title, let column):
            let byteColumn = place(column)
            let isImage = if case .image = container { true } else { false }
            // The column stays in bytes until the block ends and its lines are final.
            let link = Link(
                index: links.count, destination: destination, title: title, isImage: isImage,
                line: leaf?.locator.line ?? 0, column: byteColumn
            )
            links.append(link)
            frame.link = link
        case .document, .blockQuote, .list, .item, .other:
            break
        }
        stack.append(frame)
    }

    private mutating func place(_ reportedColumn: Int) -> Int {
        leaf?.locator.place(reportedColumn: reportedColumn, in: source) ?? reportedColumn
    }

    private mutating func add(_ node: Leaf) {
        switch node {
        case .text(let literal, let column):
            _ = place(column)
            appendInline(.text(literal))
        case .code(let literal, let column):
            _ = place(column)
            appendInline(.code(literal))
        case .html(let literal, let column):
            _ = place(column)
            leaf?.locator.pass(html: String(literal.text), reportedColumn: column, in: source)
            appendInline(.html(literal))
        case .softBreak:
            leaf?.locator.lineBreak()
            appendInline(.softBreak)
        case .lineBreak:
            leaf?.locator.lineBreak()
            appendInline(.lineBreak)
        case .codeBlock(let info, let literal, let line):
            if info.split(whereSeparator: \.isWhitespace).first == "flow" {
                let embed = FlowEmbed(id: Self.firstLine(of: literal), line: line)
                flows.append(embed)
                appendBlock(.flow(embed))
            } else {
                appendBlock(.codeBlock(info: info, literal: literal))
            }
        case .htmlBlock(let literal):
            appendBlock(.htmlBlock(literal))
        case .thematicBreak:
            appendBlock(.thematicBreak)
        }
    }

    private static func countsAsLevel(_ container: Container) -> Bool {
        switch container {
        case .document, .item, .paragraph, .heading: false
        default: true
        }
    }

    private mutating func exit() {
        guard let frame = stack.popLast() else { return }
        if Self.countsAsLevel(frame.container) { depth -= 1 }
        switch frame.container {
        case .document:
            blocks = frame.blocks
        case .blockQuote:
            appendBlock(Callouts.classify(frame.blocks))
        case .list(let ordered, let start, let tight):
            appendBlock(.list(ordered: ordered, start: start, tight: tight, items: frame.items))
        case .item:
            if !stack.isEmpty { stack[stack.count - 1].items.append(frame.blocks) }
        case .paragraph:
            appendBlock(.paragraph(finishLeafBlock(frame.inlines)))
        case .heading(let level, let span):
            let (inlines, pinned) = PinnedID.extract(from: finishLeafBlock(frame.inlines))
            let text = PlainText.collapsingWhitespace(PlainText.of(inlines))
            let heading = Heading(level: level, text: text, id: ids.claim(pinned ?? Slug.make(text)), line: span.line)
            headings.append(heading)
            appendBlock(.heading(heading, inlines))
        case .emphasis:
            appendInline(.emphasis(frame.inlines))
        case .strong:
            appendInline(.strong(frame.inlines))
        case .link, .image:
            guard let link = frame.link else { return }
            appendInline(link.isImage ? .image(link, frame.inlines) : .link(link, frame.inlines))
        case .other:
            frame.blocks.forEach { appendBlock($0) }
            frame.inlines.forEach { appendInline($0) }
        }
    }

    /// Settles the lines and columns of the block's links, now that its last line is known.
    private mutating func finishLeafBlock(_ inlines: [Inline]) -> [Inline] {
        guard let block = leaf else { return inlines }
        leaf = nil
        guard block.firstLink < links.count else { return inlines }
        var shift = 0
        if block.startsWithDefinitions {
            // The definitions were removed from the front; the text ends on the block's last line.
            let breaks = block.locator.line - block.span.line
            shift = max(0, block.span.endLine - breaks - block.span.line)
        }
        var columns = CharacterColumns()
        for index in block.firstLink..<links.count {
            links[index].line += shift
            links[index].column = columns.column(line: links[index].line, byteColumn: links[index].column, in: source)
        }
        return inlines.map { settlingLinks($0) }
    }

    private func settlingLinks(_ inline: Inline) -> Inline {
        switch inline {
        case .link(let link, let children): .link(links[link.index], children.map { settlingLinks($0) })
        case .image(let link, let children): .image(links[link.index], children.map { settlingLinks($0) })
        case .emphasis(let children): .emphasis(children.map { settlingLinks($0) })
        case .strong(let children): .strong(children.map { settlingLinks($0) })
        case .text, .softBreak, .lineBreak, .code, .html: inline
        }
    }

    private mutating func appendBlock(_ block: Block) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].blocks.append(block)
    }

    private mutating func appendInline(_ inline: Inline) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].inlines.append(inline)
    }

    private static func firstLine(of literal: String) -> String {
        let trimmed = literal.drop(while: \.isWhitespace)
        let line = trimmed.prefix(while: { !$0.isNewline })
        return String(line.reversed().drop(while: \.isWhitespace).reversed())
    }
}
