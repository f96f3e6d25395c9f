import HTMLSanitizer

/// An inline HTML literal of a paragraph or heading, and where it starts in the source.
struct RawPiece {
    var literal: String
    var line: Int
    /// 1-based, in bytes.
    var byteColumn: Int
}

/// An element an HTML block left open around the Markdown blocks after it, and where it starts.
struct OpenWrapper: Equatable {
    var name: String
    /// False when the sanitizer dropped the element itself, so no end tag is written for it.
    var kept: Bool
    var line: Int
    var column: Int
}

/// Where what sanitizing finds goes: the document builder's own collections.
struct RawHTMLFindings {
    var links: [Link]
    var ids: HeadingIDs
    var anchors: [String]
    var diagnostics: [MarkdownDiagnostic]
}

/// Runs raw HTML through the sanitizer a block at a time, so that a tag left open cannot reach
/// past its paragraph, heading or HTML block, and turns what it finds into links to check,
/// link targets and warnings at the source's lines. Blocks without raw HTML never come here.
struct RawHTML {
    let mode: RawHTMLMode
    let source: SourceText

    /// Ids the default theme gives its own elements; an author's id must not take them.
    static let reservedIDs: Set<String> = [
        "main", "search-input", "search-page-input", "search-page-results", "search-page-results-heading",
        "search-all-heading", "faq-index-heading", "guides-heading", "more-heading", "related-heading",
        "subtopics-heading", "support-heading", "toc-heading", "topics-heading",
    ]

    /// An HTML block that starts on `line`, and the elements it leaves open around the blocks
    /// after it (`<details>` around Markdown), outermost first.
    func block(_ literal: String, line: Int, into found: inout RawHTMLFindings) -> (fragment: HTMLFragment, open: [OpenWrapper]) {
        let start = byteColumn(line: line, literalLine: literal.utf8.prefix { $0 != UInt8(ascii: "\n") }.count)
        let piece = RawPiece(literal: literal, line: line, byteColumn: start)
        guard mode != .none else {
            dropped(piece, into: &found)
            return (.omitted, [])
        }
        let authored = [0..<literal.utf8.count]
        let (fragment, open) = sanitize(literal, authored: authored, pieces: [piece], phrasing: false, wraps: true, into: &found)
        return (fragment, open.map { element in
            let (line, column) = locate(element.offset, authored: authored, pieces: [piece])
            return OpenWrapper(name: element.name, kept: element.kept, line: line, column: column)
        })
    }

    /// A paragraph's or heading's inlines, `pieces` being its raw HTML in order: the whole
    /// content as one fragment, or (`none`) the inlines as they were.
    func inlines(_ inlines: [Inline], pieces: [RawPiece], into found: inout RawHTMLFindings) -> [Inline] {
        guard mode != .none else {
            pieces.forEach { dropped($0, into: &found) }
            return inlines
        }
        // Markdown's own markup is written around the HTML, links with their index for a URL.
        let slots = HTMLRenderer(resolveLink: { String($0.index) })
        var writer = HTMLWriter(renderer: slots)
        writer.authored = []
        writer.write(inlines)
        let fragment = sanitize(writer.out, authored: writer.authored ?? [], pieces: pieces, phrasing: true, wraps: false, into: &found).0
        return [.markup(fragment)]
    }

    private func sanitize(_ html: String, authored: [Range<Int>], pieces: [RawPiece], phrasing: Bool, wraps: Bool,
                          into found: inout RawHTMLFindings) -> (HTMLFragment, [OpenElement]) {
        let input = HTMLSanitizer.Input(html: html, authored: authored, phrasing: phrasing, wrapsWhatFollows: wraps)
        let result = HTMLSanitizer.sanitize(input, policy: mode == .trusted ? .trusted : .sanitized) { id in
            if Self.reservedIDs.contains(id) { return "the page's theme uses that id for its own element" }
            return found.ids.claimExactly(id) ? nil : "a heading or an element before it on this page has that id"
        }
        found.anchors += result.ids
        for finding in result.findings {
            let (line, column) = locate(finding.offset, authored: authored, pieces: pieces)
            found.diagnostics.append(MarkdownDiagnostic(line: line, column: column, finding.message, hint: finding.hint))
        }
        let firstLink = found.links.count
        let written = result.pieces.map { piece -> HTMLFragment.Piece in
            switch piece {
            case .html(let html):
                return .html(html)
            case .url(let reference):
                if let slot = reference.slot, found.links.indices.contains(slot), slot < firstLink {
                    return .url(found.links[slot])
                }
                let (line, column) = locate(reference.offset, authored: authored, pieces: pieces)
                let link = Link(index: found.links.count, destination: reference.url, title: "", isImage: reference.isImage,
                                line: line, column: column)
                found.links.append(link)
                return .url(link)
            }
        }
        return (HTMLFragment(pieces: written, text: result.text), result.openElements)
    }

    private func dropped(_ piece: RawPiece, into found: inout RawHTMLFindings) {
        var shown = piece.literal.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        if shown.count > 40 { shown = shown.prefix(39) + "…" }
        found.diagnostics.append(MarkdownDiagnostic(
            line: piece.line, column: source.characterColumn(line: piece.line, byteColumn: piece.byteColumn),
            "the raw HTML `\(shown)` is not shown: site.yml sets `markdown.rawHTML: none`",
            hint: "write it in Markdown, or set `markdown.rawHTML: sanitized` to keep the HTML Guidepost allows."
        ))
    }

    /// The source line and character column of byte `offset` of the sanitized input.
    private func locate(_ offset: Int, authored: [Range<Int>], pieces: [RawPiece]) -> (line: Int, column: Int) {
        let index = authored.lastIndex { $0.lowerBound <= offset } ?? 0
        guard pieces.indices.contains(index), authored.indices.contains(index) else { return (pieces.first?.line ?? 1, 1) }
        let piece = pieces[index]
        let before = piece.literal.utf8.prefix(max(0, offset - authored[index].lowerBound))
        guard let lastBreak = before.lastIndex(of: UInt8(ascii: "\n")) else {
            return (piece.line, source.characterColumn(line: piece.line, byteColumn: piece.byteColumn + before.count))
        }
        let line = piece.line + before.count { $0 == UInt8(ascii: "\n") }
        let lineStart = piece.literal.utf8.index(after: lastBreak)
        let literalLine = piece.literal.utf8[lineStart...].prefix { $0 != UInt8(ascii: "\n") }.count
        let within = piece.literal.utf8.distance(from: lineStart, to: before.endIndex)
        return (line, source.characterColumn(line: line, byteColumn: byteColumn(line: line, literalLine: literalLine) + within))
    }

    /// The byte column where a line of a literal starts in the source: a block's lines may sit
    /// behind `>` markers or a list item's indentation, which the literal does not hold.
    private func byteColumn(line: Int, literalLine: Int) -> Int {
        max(0, source.range(ofLine: line).count - literalLine) + 1
    }
}
