/// What becomes of HTML written in Markdown (`site.yml`: `markdown.rawHTML`).
public enum RawHTMLMode: String, Sendable, Equatable, CaseIterable {
    /// Kept through an allowlist (docs/writing-guides.md); everything else is dropped with a warning.
    case sanitized
    /// Kept as written, for sites whose every author is trusted; links and images are still
    /// resolved and checked, and links that would run code are still refused.
    case trusted
    /// Dropped, with a warning for each piece.
    case none
}

/// Raw HTML after the sanitizer, with the Markdown around it when it stood in a paragraph or a
/// heading: HTML to write as it is, and the links and images whose URLs the renderer resolves.
public struct HTMLFragment: Sendable, Equatable {
    public enum Piece: Sendable, Equatable {
        case html(String)
        /// The resolved URL of this link goes here (escaped for an attribute value).
        case url(Link)
    }

    public var pieces: [Piece]
    /// What a reader sees of it, for titles, summaries and search.
    public var text: String

    public init(pieces: [Piece], text: String) {
        self.pieces = pieces
        self.text = text
    }

    /// What `none` leaves of a block of HTML: cmark's own marker, which no reader sees.
    static let omitted = HTMLFragment(pieces: [.html(HTMLWriter.omitted)], text: "")
}

extension RawHTMLMode {
    /// A byte for fingerprints of what a mode's parse or render produced.
    public var tag: UInt8 {
        switch self {
        case .sanitized: 0
        case .trusted: 1
        case .none: 2
        }
    }
}
