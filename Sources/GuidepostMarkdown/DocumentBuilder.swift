/// Turns the events of one cmark walk into `Block`s and collects headings, links and flows.
struct DocumentBuilder {
    struct Frame {
        var container: Container
        var blocks: [Block] = []
        var inlines: [Inline] = []
        var items: [[Block]] = []
        var link: Link?
        /// Where each text inline starts, when the block may hold autolinks or footnote references.
        var points: [TextPoint] = []
        /// HTML elements left open around the blocks that follow, outermost first.
        var wrappers: [OpenWrapper] = []
    }

    /// The paragraph or heading whose inlines are being read.
    struct LeafBlock {
        var span: BlockSpan
        var locator: InlineLocator
        var firstLink: Int
        var startsWithDefinitions: Bool
        var triggers: GFMTriggers = []
        /// Whether GFM passes added links or footnote references, which need settling at the end.
        var extended = false
        /// Its inline HTML, outside image descriptions (whose HTML is alt text).
        var raw: [RawPiece] = []
    }

    let source: SourceText
    let rawHTML: RawHTML
    /// The raw HTML of the paragraph or heading just finished, for `withRawHTML`.
    private var pendingRaw: [RawPiece] = []
    private(set) var anchors: [String] = []
    var stack: [Frame] = []
    var leaf: LeafBlock?
    private var ids = HeadingIDs()
    /// The document's link reference definitions as text, for table cells to parse with; read at the first table.
    var definitions: String?
    private(set) var blocks: [Block] = []
    var links: [Link] = []
    private(set) var headings: [Heading] = []
    var flows: [FlowEmbed] = []
    var videos: [VideoEmbed] = []
    /// Video blocks that name no video the page can play.
    var videoErrors: [MarkdownDiagnostic] = []
    /// What the reader will not see as written; see `MarkdownDiagnostic`.
    var diagnostics: [MarkdownDiagnostic] = []
    /// Containers open now that count towards `MarkdownDocument.maxNesting`: lists, quotes, emphasis, links.
    private var depth = 0
    /// Line where the nesting first went past `MarkdownDocument.maxNesting`; the rest of the walk is then ignored.
    var tooDeep: Int?

    init(source: SourceText, rawHTML: RawHTMLMode = .sanitized) {
        self.source = source
        self.rawHTML = RawHTML(mode: rawHTML, source: source)
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
                firstLink: links.count, startsWithDefinitions: startsWithDefinitions,
                triggers: GFMTriggers.scan(source.bytes(lines: span.line...max(span.line, span.endLine)))
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
            let byteColumn = place(column)
            if let leaf, leaf.triggers.needsPoints, !stack.isEmpty {
                let top = stack.count - 1
                stack[top].points.append(TextPoint(index: stack[top].inlines.count, line: leaf.locator.line, column: byteColumn))
            }
            appendInline(.text(literal))
        case .code(let literal, let column):
            _ = place(column)
            appendInline(.code(literal))
        case .html(let literal, let column):
            let byteColumn = place(column)
            if let line = leaf?.locator.line, !stack.contains(where: { if case .image = $0.container { true } else { false } }) {
                leaf?.raw.append(RawPiece(literal: String(literal.text), line: line, byteColumn: byteColumn))
            }
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
            } else if info.split(whereSeparator: \.isWhitespace).first == "video" {
                switch VideoEmbed.parse(literal, line: line) {
                case .video(let video):
                    videos.append(video)
                    appendBlock(.video(video))
                case .problem(let problem):
                    // Shown as the code it is, and the build stops on it (`MarkdownDocument.errors`).
                    videoErrors.append(problem)
                    appendBlock(.codeBlock(info: info, literal: literal))
                }
            } else {
                appendBlock(.codeBlock(info: info, literal: literal))
            }
        case .htmlBlock(let literal, let line):
            addHTMLBlock(literal, line: line)
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
        guard var frame = stack.popLast() else { return }
        closeWrappers(of: &frame)
        if Self.countsAsLevel(frame.container) { depth -= 1 }
        switch frame.container {
        case .document:
            blocks = frame.blocks
        case .blockQuote:
            appendBlock(Callouts.classify(frame.blocks))
        case .list(let ordered, let start, let tight):
            appendBlock(.list(ordered: ordered, start: start, tight: tight, items: frame.items))
        case .item:
            if !stack.isEmpty { stack[stack.count - 1].items.append(TaskLists.marking(frame.blocks)) }
        case .paragraph(let span):
            if leaf?.triggers.contains(.pipe) == true, !(leaf?.startsWithDefinitions ?? true), let blocks = tableBlocks(span) {
                blocks.forEach { appendBlock($0) }
            } else {
                let inlines = withRawHTML(finishLeafBlock(extended(frame)))
                // A paragraph of nothing but dropped HTML would be an empty `<p>`; its warnings say what went.
                if case .markup(let fragment)? = inlines.first, fragment.pieces.isEmpty { return }
                appendBlock(.paragraph(inlines))
            }
        case .heading(let level, let span):
            if leaf?.triggers.contains(.pipe) == true, let blocks = setextTableBlocks(level: level, span) {
                blocks.forEach { appendBlock($0) }
                return
            }
            let extracted = PinnedID.extract(from: finishLeafBlock(extended(frame)))
            if let warning = extracted.warning {
                diagnostics.append(MarkdownDiagnostic(line: span.line, column: source.lastBraceColumn(line: span.line),
                                                      warning.message, hint: warning.hint))
            }
            let inlines = withRawHTML(extracted.inlines)
            let text = PlainText.collapsingWhitespace(PlainText.of(inlines))
            let claimed = ids.claim(extracted.id ?? Slug.make(text), heading: headings.count)
            if let pinned = extracted.id, let takenBy = claimed.takenBy {
                let holder = takenBy == HeadingIDs.notAHeading
                    ? "an HTML element or a footnote before it" : "the earlier heading `\(headings[takenBy].text)`"
                diagnostics.append(MarkdownDiagnostic(
                    line: span.line, column: source.lastBraceColumn(line: span.line),
                    "the pinned id `#\(pinned)` is already the id of \(holder), so this heading gets `#\(claimed.id)`",
                    hint: "pin a different id; links to `#\(pinned)` go to the earlier one."))
            }
            let heading = Heading(level: level, text: text, id: claimed.id, line: span.line)
            headings.append(heading)
            appendBlock(.heading(heading, inlines))
        case .emphasis:
            appendInline(.emphasis(extended(frame)))
        case .strong:
            appendInline(.strong(extended(frame)))
        case .link, .image:
            guard let link = frame.link else { return }
            let inlines = extended(frame, insideLink: true)
            appendInline(link.isImage ? .image(link, inlines) : .link(link, inlines))
        case .other:
            frame.blocks.forEach { appendBlock($0) }
            frame.inlines.forEach { appendInline($0) }
        }
    }

    /// Settles the lines and columns of the block's links, now that its last line is known.
    private mutating func finishLeafBlock(_ inlines: [Inline]) -> [Inline] {
        guard let block = leaf else { return inlines }
        leaf = nil
        var shift = 0
        if block.startsWithDefinitions {
            // The definitions were removed from the front; the text ends on the block's last line.
            let breaks = block.locator.line - block.span.line
            shift = max(0, block.span.endLine - breaks - block.span.line)
        }
        pendingRaw = block.raw.map { piece in
            var piece = piece
            piece.line += shift
            return piece
        }
        guard block.firstLink < links.count || block.extended else { return inlines }
        var columns = ColumnCounter(source)
        for index in block.firstLink..<links.count {
            links[index].line += shift
            warnIfFootnoteReadAsLink(links[index])
            links[index].column = columns.characterColumn(line: links[index].line, byteColumn: links[index].column)
        }
        let settled: [Inline]
        if block.extended {
            settled = settlingExtensions(inlines, firstLink: block.firstLink, shift: shift)
            reorderLinks(from: block.firstLink)
        } else {
            settled = inlines.map { $0.rewritingLinks { links[$0.index] } }
        }
        return LinkAttributes.strip(settled, diagnostics: &diagnostics)
    }

    /// The finished block's inlines, sanitized as one fragment when they held raw HTML.
    private mutating func withRawHTML(_ inlines: [Inline]) -> [Inline] {
        guard !pendingRaw.isEmpty else { return inlines }
        let pieces = pendingRaw
        pendingRaw = []
        let raw = rawHTML
        return withFindings { raw.inlines(inlines, pieces: pieces, into: &$0) }
    }

    /// Runs `body` with the builder's links, ids, anchors and diagnostics to add to.
    mutating func withFindings<T>(_ body: (inout RawHTMLFindings) -> T) -> T {
        var found = RawHTMLFindings(links: links, ids: ids, anchors: anchors, diagnostics: diagnostics)
        links = []
        diagnostics = []
        defer {
            links = found.links
            ids = found.ids
            anchors = found.anchors
            diagnostics = found.diagnostics
        }
        return body(&found)
    }

    mutating func appendBlock(_ block: Block) {
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
