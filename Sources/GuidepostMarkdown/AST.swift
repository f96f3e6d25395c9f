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
    case htmlBlock(String)
    case thematicBreak
    indirect case flow(FlowEmbed)
}

/// Inline content of paragraphs and headings. As with `Block`, only links and images are boxed:
/// text nodes, by far the most common, sit in their array as a plain string.
public enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String)
    case emphasis([Inline])
    case strong([Inline])
    indirect case link(Link, [Inline])
    /// The children are the image's alt text.
    indirect case image(Link, [Inline])
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
