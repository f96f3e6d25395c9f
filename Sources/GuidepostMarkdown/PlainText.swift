/// Text without markup, for titles, summaries, alt text and search indexes.
enum PlainText {
    /// Text and code content; breaks become spaces; raw HTML is markup, so it is left out.
    static func of(_ inlines: [Inline]) -> String {
        var text = ""
        append(inlines, to: &text)
        return text
    }

    static func append(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let literal), .code(let literal): text.append(contentsOf: literal.text)
            case .softBreak, .lineBreak: text += " "
            case .html, .taskMarker, .footnoteReference: break
            case .markup(let fragment): text += fragment.text
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, let children), .image(_, let children):
                append(children, to: &text)
            }
        }
    }

    /// Each leaf block's reader-visible text, one line per block, the empty ones left out,
    /// written straight into `text`: the search index makes this of every section of a site.
    static func appendJoinedLines<Blocks: Sequence<Block>>(of blocks: Blocks, to text: inout String) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                // An empty line is left out, and so is its separator.
                guard hasText(inlines) else { continue }
                if !text.isEmpty { text += "\n" }
                append(inlines, to: &text)
            case .heading(let heading, _):
                appendLine(heading.text, to: &text)
            case .blockQuote(let children), .callout(_, let children):
                appendJoinedLines(of: children, to: &text)
            case .list(_, _, _, let items):
                for item in items { appendJoinedLines(of: item, to: &text) }
            case .codeBlock(_, let literal):
                var code = Substring(literal)
                while code.last == "\n" { code.removeLast() }
                appendLine(code, to: &text)
            case .table(let table):
                for row in [table.header] + table.rows { appendCells(row, to: &text) }
            case .footnotes(let notes):
                for note in notes { appendJoinedLines(of: note.blocks, to: &text) }
            case .htmlBlock(let fragment):
                appendLine(collapsingWhitespace(fragment.text), to: &text)
            case .video(let video):
                appendLine(Substring(video.title), to: &text)
            case .thematicBreak, .flow:
                break
            }
        }
    }

    /// Whether `append(inlines, to:)` writes anything.
    private static func hasText(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .text(let literal), .code(let literal): !literal.isEmpty
            case .softBreak, .lineBreak: true
            case .html, .taskMarker, .footnoteReference: false
            case .markup(let fragment): !fragment.text.isEmpty
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, let children), .image(_, let children):
                hasText(children)
            }
        }
    }

    /// A table row is one line, its cells' text separated by spaces.
    private static func appendCells(_ cells: [[Inline]], to text: inout String) {
        var line = ""
        for cell in cells where hasText(cell) {
            if !line.isEmpty { line += " " }
            append(cell, to: &line)
        }
        appendLine(line, to: &text)
    }

    private static func appendLine(_ line: some StringProtocol, to text: inout String) {
        guard !line.isEmpty else { return }
        if !text.isEmpty { text += "\n" }
        text += line
    }

    /// Runs of whitespace become one space; ends are trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = text.unicodeScalars
        var runStart: String.Index?
        var index = scalars.startIndex
        // Whole runs of non-space are copied at once; asking per Character is the slow part.
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let isSpace = scalar.isASCII
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                : scalar.properties.isWhitespace
            if isSpace {
                if let start = runStart {
                    if !result.isEmpty { result += " " }
                    result += text[start..<index]
                    runStart = nil
                }
            } else if runStart == nil {
                runStart = index
            }
            index = scalars.index(after: index)
        }
        if let start = runStart {
            if !result.isEmpty { result += " " }
            result += text[start..<scalars.endIndex]
        }
        return result
    }

    /// Cuts at a word boundary so that the result, "…" included, has at most `limit` characters.
    static func truncated(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let room = text.prefix(limit - 1)
        var cut = room
        if let space = room.lastIndex(of: " ") {
            cut = room[..<space]
        }
        // A single word longer than the limit has no boundary to cut at; cut inside it.
        if cut.isEmpty { cut = room }
        while let last = cut.last, last.isWhitespace || last == "," || last == ";" || last == ":" {
            cut.removeLast()
        }
        return cut + "…"
    }
}
