public struct MarkdownOptions: Sendable, Equatable {
    /// What becomes of HTML written in Markdown.
    public var rawHTML: RawHTMLMode

    public init(rawHTML: RawHTMLMode = .sanitized) {
        self.rawHTML = rawHTML
    }
}

/// A Markdown text parsed by cmark into plain values, with what the generator needs to know
/// about it: title, summary, heading anchors, links to check and flows to embed.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [Block]
    /// Plain text of the first block when it is a level-1 heading, else of the first level-1 heading anywhere.
    public var title: String?
    /// Plain text of the first top-level paragraph, whitespace collapsed, at most 200 characters.
    public var summary: String?
    /// Every heading in document order, ids unique within the document.
    public var headings: [Heading]
    /// Every link and image in document order; `index` is the position in this array.
    public var links: [Link]
    /// Every ```` ```flow ```` block in document order.
    public var flows: [FlowEmbed]
    /// Every ```` ```video ```` block in document order.
    public var videos: [VideoEmbed] = []
    /// The ids of raw HTML elements (`<a id="old-name"></a>`), in document order: link targets
    /// besides the headings' ids, and never equal to one of them.
    public var anchors: [String]
    /// 1-based line where lists, quotes, emphasis or links nest more than `maxNesting` levels
    /// deep. Such a text is not read any further, so the document is then empty.
    public var tooDeep: Int?
    /// What the reader will not see as written, in document order (see `MarkdownDiagnostic`).
    public var diagnostics: [MarkdownDiagnostic]
    /// What cannot be built as written (a footnote reference with no definition): the build stops on these.
    public var errors: [MarkdownDiagnostic] = []

    public static let summaryLimit = 200
    /// Far deeper than any real text nests (a list in a list is two levels; items, paragraphs
    /// and headings do not count); what reads the tree recurses, and this keeps it well within
    /// a thread's stack.
    public static let maxNesting = 100

    public init(blocks: [Block], title: String?, summary: String?, headings: [Heading], links: [Link], flows: [FlowEmbed],
                anchors: [String] = [], tooDeep: Int? = nil, diagnostics: [MarkdownDiagnostic] = []) {
        self.blocks = blocks
        self.title = title
        self.summary = summary
        self.headings = headings
        self.links = links
        self.flows = flows
        self.anchors = anchors
        self.tooDeep = tooDeep
        self.diagnostics = diagnostics
    }

    /// Parses CommonMark with smart punctuation. Raw HTML is sanitized here, a block at a time
    /// (`options.rawHTML`), so its links are checked with the others and its ids are link targets.
    public static func parse(_ source: String, options: MarkdownOptions = .init()) -> MarkdownDocument {
        let (source, removed) = ControlCharacters.strip(markdown: source)
        var text = SourceText(source)
        let footnotes = Footnotes.extract(text)
        if let footnotes { text = footnotes.masked }
        var builder = DocumentBuilder(source: text, rawHTML: options.rawHTML)
        CmarkWalker.walk(text.bytes) { builder.handle($0) }
        builder.diagnostics += footnotes?.misplaced ?? []
        var blocks = builder.blocks
        var errors: [MarkdownDiagnostic] = []
        if let footnotes, builder.tooDeep == nil {
            (blocks, errors) = builder.resolvingFootnotes(blocks, definitions: footnotes.definitions)
        }
        if let line = builder.tooDeep {
            return MarkdownDocument(blocks: [], title: nil, summary: nil, headings: [], links: [], flows: [], tooDeep: line)
        }
        var document = MarkdownDocument(
            blocks: blocks,
            title: title(blocks: blocks, headings: builder.headings),
            summary: summary(blocks: blocks),
            headings: builder.headings,
            links: builder.links,
            flows: builder.flows,
            anchors: builder.anchors,
            diagnostics: (removed + builder.diagnostics).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        )
        document.errors = (errors + builder.videoErrors).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        document.videos = builder.videos
        return document
    }

    /// All reader-visible text, one line per block, for search indexes.
    public var plainText: String { Self.plainText(of: blocks) }

    /// `plainText` of some blocks, without making a document of them.
    public static func plainText<Blocks: Sequence<Block>>(of blocks: Blocks) -> String {
        var text = ""
        PlainText.appendJoinedLines(of: blocks, to: &text)
        return text
    }

    /// Splits at headings of `level`: blocks before the first such heading, then one section per heading (for FAQ pages).
    /// Only top-level headings split; a heading inside a quote or list stays in its section.
    public func sections(atLevel level: Int) -> (preamble: [Block], sections: [Section]) {
        var preamble: [Block] = []
        var sections: [Section] = []
        for block in blocks {
            if case .heading(let heading, _) = block, heading.level == level {
                sections.append(Section(heading: heading, blocks: []))
            } else if sections.isEmpty {
                preamble.append(block)
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return (preamble, sections)
    }

    private static func title(blocks: [Block], headings: [Heading]) -> String? {
        if case .heading(let heading, _)? = blocks.first, heading.level == 1 {
            return heading.text
        }
        return headings.first { $0.level == 1 }?.text
    }

    private static func summary(blocks: [Block]) -> String? {
        for block in blocks {
            guard case .paragraph(let inlines) = block else { continue }
            let text = PlainText.collapsingWhitespace(PlainText.of(inlines))
            // A paragraph of only an image or raw HTML says nothing; keep looking.
            if text.isEmpty { continue }
            return PlainText.truncated(text, limit: summaryLimit)
        }
        return nil
    }
}
