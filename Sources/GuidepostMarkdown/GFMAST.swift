/// The values of the GitHub Flavored Markdown extensions built on cmark's tree.

public enum TableAlignment: Sendable, Equatable {
    case none, left, center, right
}

public struct Table: Sendable, Equatable {
    /// One per column; the header row and every body row have exactly this many cells.
    public var alignments: [TableAlignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]

    public init(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// A `[^label]` in the text.
public struct FootnoteReference: Sendable, Equatable {
    /// As written between `[^` and `]`.
    public var label: String
    /// 1-based, in order of first reference; 0 until the document is complete.
    public var number: Int
    /// Of this reference (`fnref-1`, `fnref-1-2` for the second reference to the same note).
    public var id: String
    /// Of the footnote it points to (`fn-1`).
    public var target: String
    /// 1-based line in the parsed source.
    public var line: Int
    /// 1-based column of the `[`, in characters.
    public var column: Int

    public init(label: String, number: Int = 0, id: String = "", target: String = "", line: Int, column: Int) {
        self.label = label
        self.number = number
        self.id = id
        self.target = target
        self.line = line
        self.column = column
    }
}

/// A `[^label]: text` definition that is referenced.
public struct Footnote: Sendable, Equatable {
    public var label: String
    public var number: Int
    public var id: String
    /// The ids of the references to it, in document order, for the back-links.
    public var referenceIDs: [String]
    public var blocks: [Block]

    public init(label: String, number: Int, id: String, referenceIDs: [String], blocks: [Block]) {
        self.label = label
        self.number = number
        self.id = id
        self.referenceIDs = referenceIDs
        self.blocks = blocks
    }
}

extension Block {
    /// The blocks directly inside this one (list items flattened, footnotes' blocks included).
    public var childBlocks: [Block] {
        switch self {
        case .blockQuote(let children), .callout(_, let children): children
        case .list(_, _, _, let items): Array(items.joined())
        case .footnotes(let notes): notes.flatMap(\.blocks)
        case .paragraph, .heading, .codeBlock, .htmlBlock, .thematicBreak, .flow, .video, .table: []
        }
    }

    /// The runs of inlines directly in this block: a paragraph's, a heading's, each table cell's.
    public var inlineGroups: [[Inline]] {
        switch self {
        case .paragraph(let inlines), .heading(_, let inlines): [inlines]
        case .table(let table): table.header + table.rows.joined()
        default: []
        }
    }
}

extension Inline {
    /// The inlines directly inside this one.
    public var children: [Inline] {
        switch self {
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
             .link(_, let children), .image(_, let children):
            children
        case .text, .softBreak, .lineBreak, .code, .html, .markup, .taskMarker, .footnoteReference:
            []
        }
    }
}
