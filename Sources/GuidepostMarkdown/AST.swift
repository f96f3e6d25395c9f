/// A block of a parsed document. Plain values copied out of cmark's tree, so they can be
/// stored, compared and sent across tasks after the C tree is gone.
///
/// Only the cases with large payloads are `indirect` (boxed): the others are stored in their
/// array directly. A large site holds hundreds of thousands of nodes, and a box for every one
/// was most of a build's memory.
public enum Block: Sendable, Equatable {
    case paragraph([Inline])
    indirect case heading(Heading, [Inline])
    case blockQuote([Block])
    /// A block quote that opened with a `[!KIND]` marker line; the marker is not in `blocks`.
    case callout(CalloutKind, [Block])
    /// `items` holds each list item's blocks.
    indirect case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
    /// `info` is the whole info string after the opening fence (empty for indented code).
    indirect case codeBlock(info: String, literal: String)
    /// Raw HTML as the sanitizer left it (`RawHTMLMode`).
    indirect case htmlBlock(HTMLFragment)
    case thematicBreak
    indirect case flow(FlowEmbed)
    /// A ```` ```video ```` block (see `VideoEmbed`).
    indirect case video(VideoEmbed)
    /// A GFM pipe table (see `GFMTables`).
    indirect case table(Table)
    /// The document's footnote definitions in reference order; always its last block.
    indirect case footnotes([Footnote])
}

/// Inline content of paragraphs and headings. As with `Block`, only links and images are boxed:
/// text nodes, by far the most common, sit in their array as a plain string.
public enum Inline: Sendable, Equatable {
    case text(TextRun)
    case softBreak
    case lineBreak
    case code(TextRun)
    case html(TextRun)
    case emphasis([Inline])
    case strong([Inline])
    indirect case link(Link, [Inline])
    /// The children are the image's alt text.
    indirect case image(Link, [Inline])
    /// GFM `~~struck~~` text.
    case strikethrough([Inline])
    /// A GFM task list item's `[ ]` or `[x]`; only ever the first inline of an item's first paragraph.
    case taskMarker(checked: Bool)
    indirect case footnoteReference(FootnoteReference)
    /// The whole content of a paragraph or heading that held raw HTML, sanitized as one
    /// fragment so that no tag reaches past it; it takes the place of all the block's inlines.
    indirect case markup(HTMLFragment)
}

/// The GitHub-style callout kinds, written `> [!WARNING]`.
public enum CalloutKind: String, Sendable, Equatable, CaseIterable {
    case note, tip, important, warning, caution

    /// The label shown to readers and announced by screen readers.
    public var title: String {
        switch self {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// Plain text: markup removed, inline code kept, a pinned `{#id}` removed.
    public var text: String
    /// Unique within its document.
    public var id: String
    /// 1-based line in the parsed source.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A link or an image as the author wrote it.
public struct Link: Sendable, Equatable {
    /// Position in `MarkdownDocument.links`.
    public var index: Int
    /// Exactly as written (after cmark's unescaping), not yet resolved.
    public var destination: String
    public var title: String
    public var isImage: Bool
    /// 1-based line in the parsed source.
    public var line: Int
    /// 1-based column of the opening `[`, `![` or `<`, counted in characters.
    public var column: Int

    public init(index: Int, destination: String, title: String, isImage: Bool, line: Int, column: Int) {
        self.index = index
        self.destination = destination
        self.title = title
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// A ```` ```flow ```` fenced block naming a flow checker to embed.
public struct FlowEmbed: Sendable, Equatable {
    /// The first line of the block's content, trimmed.
    public var id: String
    /// 1-based line of the opening fence.
    public var line: Int

    public init(id: String, line: Int) {
        self.id = id
        self.line = line
    }
}

/// One heading and everything after it up to the next heading of the same level.
public struct Section: Sendable, Equatable {
    public var heading: Heading
    /// Excludes the heading itself.
    public var blocks: [Block]

    public init(heading: Heading, blocks: [Block]) {
        self.heading = heading
        self.blocks = blocks
    }
}

/// A literal of the tree (text, code, inline HTML): a run of its document's one string of
/// literals. Sixteen bytes, the size of a `String`, so an `Inline` stays small; and a page's
/// hundreds of literals share one allocation instead of one each.
public struct TextRun: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    let storage: TextStorage
    let start: UInt32
    let count: UInt32

    init(_ storage: TextStorage, start: Int, count: Int) {
        self.storage = storage
        self.start = UInt32(start)
        self.count = UInt32(count)
    }

    /// A run of its own, for text made after parsing (and in tests).
    public init(_ text: some StringProtocol) {
        let string = String(text)
        self.init(TextStorage(string), start: 0, count: string.utf8.count)
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The run's text, without a copy.
    public var text: Substring {
        let utf8 = storage.string.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: Int(start))
        return storage.string[from..<utf8.index(from, offsetBy: Int(count))]
    }

    public var isEmpty: Bool { count == 0 }
    public var description: String { String(text) }

    public static func == (lhs: TextRun, rhs: TextRun) -> Bool { lhs.text == rhs.text }
}

/// The string a document's literals are runs of.
public final class TextStorage: Sendable {
    let string: String

    init(_ string: String) {
        self.string = string
    }
}
