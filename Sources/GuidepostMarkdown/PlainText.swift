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
            case .text(let literal), .code(let literal): text += literal
            case .softBreak, .lineBreak: text += " "
            case .html: break
            case .emphasis(let children), .strong(let children),
                 .link(_, let children), .image(_, let children):
                append(children, to: &text)
            }
        }
    }

    /// One entry per leaf block that carries reader-visible text.
    static func appendLines(of blocks: [Block], to lines: inout [String]) {
        for block in blocks {
            switch block {
            case .paragraph(let inlines):
                lines.append(of(inlines))
            case .heading(let heading, _):
                lines.append(heading.text)
            case .blockQuote(let children), .callout(_, let children):
                appendLines(of: children, to: &lines)
            case .list(_, _, _, let items):
                for item in items { appendLines(of: item, to: &lines) }
            case .codeBlock(_, let literal):
                var code = Substring(literal)
                while code.last == "\n" { code.removeLast() }
                lines.append(String(code))
            case .htmlBlock, .thematicBreak, .flow:
                break
            }
        }
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
