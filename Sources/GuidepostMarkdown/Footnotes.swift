/// GFM footnotes: `[^label]` references and `[^label]: text` definitions, whose body goes on
/// in lines indented by four spaces (or lazily, in its paragraph).
///
/// cmark would take `[^1]: word` for a link reference definition and turn each `[^1]` into a
/// link, so definitions are found first and blanked out, byte for byte (every line and column
/// of the rest stays where it was), and their bodies are parsed on their own.
enum Footnotes {
    struct Definition {
        /// Lowercased: labels match regardless of case, as link labels do.
        var key: String
        var label: String
        var line: Int
        /// 1-based character column of the `[`.
        var column: Int
        var body: Snippet
    }

    /// The source with its top-level footnote definitions blanked out, and the definitions;
    /// nil when the source has no `[^` at all.
    static func extract(_ source: SourceText) -> (masked: SourceText, definitions: [Definition], misplaced: [MarkdownDiagnostic])? {
        guard containsCaretBracket(source.bytes) else { return nil }
        var masked = source.bytes
        var definitions: [Definition] = []
        var misplaced: [MarkdownDiagnostic] = []
        var fence: (byte: UInt8, count: Int)?
        var line = 1
        let lineCount = source.lineCount
        while line <= lineCount {
            let range = source.range(ofLine: line)
            let bytes = source.bytes[range]
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            let content = bytes.dropFirst(indent)
            if let open = fence {
                let run = content.prefix { $0 == open.byte }.count
                if indent <= 3, run >= open.count, content.dropFirst(run).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                    fence = nil
                }
                line += 1
                continue
            }
            if indent <= 3, let first = content.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                let run = content.prefix { $0 == first }.count
                if run >= 3 { fence = (first, run) }
            }
            guard fence == nil, indent <= 3, let (label, after) = definitionStart(content) else {
                if fence == nil, let nested = nestedDefinition(bytes) {
                    misplaced.append(MarkdownDiagnostic(
                        line: line, column: source.characterColumn(line: line, byteColumn: nested.column),
                        "the footnote definition `[^\(nested.label)]:` is inside a list or a quote, where footnotes are not read",
                        hint: "move the definition out of the list or quote, to the start of a line."))
                }
                line += 1
                continue
            }
            let last = lastLine(of: line, in: source)
            var lines = [Snippet.Line(sourceLine: line, shift: after - range.lowerBound)]
            var text = String(decoding: source.bytes[after..<range.upperBound], as: UTF8.self)
            if last > line {
                for next in (line + 1)...last {
                    let nextRange = source.range(ofLine: next)
                    let strip = min(4, source.bytes[nextRange].prefix { $0 == UInt8(ascii: " ") }.count)
                    text += "\n" + String(decoding: source.bytes[(nextRange.lowerBound + strip)..<nextRange.upperBound], as: UTF8.self)
                    lines.append(Snippet.Line(sourceLine: next, shift: strip))
                }
            }
            for blank in source.range(ofLine: line).lowerBound..<source.range(ofLine: last).upperBound
            where masked[blank] != UInt8(ascii: "\n") && masked[blank] != UInt8(ascii: "\r") {
                masked[blank] = UInt8(ascii: " ")
            }
            definitions.append(Definition(key: label.lowercased(), label: label, line: line,
                                          column: source.characterColumn(line: line, byteColumn: indent + 1),
                                          body: Snippet(text: text, lines: lines)))
            line = last + 1
        }
        // With no definition, every reference is still to be reported.
        guard !definitions.isEmpty else { return (source, [], misplaced) }
        return (SourceText(String(decoding: masked, as: UTF8.self)), definitions, misplaced)
    }

    /// `[^label]:` after quote markers and list markers: the label and its 1-based byte column.
    private static func nestedDefinition(_ bytes: ArraySlice<UInt8>) -> (label: String, column: Int)? {
        var content = bytes
        var moved = true
        while moved {
            moved = false
            let before = content.count
            content = content.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
            if let first = content.first, "-*+".utf8.contains(first), content.dropFirst().first == UInt8(ascii: " ") {
                content = content.dropFirst(2)
            } else {
                let digits = content.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
                let after = content.dropFirst(digits.count)
                if !digits.isEmpty, let mark = after.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"),
                   after.dropFirst().first == UInt8(ascii: " ") {
                    content = after.dropFirst(2)
                }
            }
            moved = content.count < before
        }
        guard content.startIndex > bytes.startIndex, let (label, _) = definitionStart(content) else { return nil }
        return (label, content.startIndex - bytes.startIndex + 1)
    }

    private static func containsCaretBracket(_ bytes: [UInt8]) -> Bool {
        var index = 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "^"), bytes[index - 1] == UInt8(ascii: "[") { return true }
            index += 1
        }
        return false
    }

    /// `[^label]:` at the start of `content`: the label, and the index where the body starts.
    private static func definitionStart(_ content: ArraySlice<UInt8>) -> (String, Int)? {
        guard content.starts(with: [UInt8(ascii: "["), UInt8(ascii: "^")]) else { return nil }
        var index = content.startIndex + 2
        while index < content.endIndex, !isSpaceOrBracket(content[index]) { index += 1 }
        guard index > content.startIndex + 2, index + 1 < content.endIndex,
              content[index] == UInt8(ascii: "]"), content[index + 1] == UInt8(ascii: ":")
        else { return nil }
        var body = index + 2
        while body < content.endIndex, content[body] == UInt8(ascii: " ") || content[body] == UInt8(ascii: "\t") { body += 1 }
        return (String(decoding: content[(content.startIndex + 2)..<index], as: UTF8.self), body)
    }

    /// The last line of the definition that starts at `line`: indented lines, blank lines
    /// between them, and lazy lines that carry on a paragraph.
    private static func lastLine(of line: Int, in source: SourceText) -> Int {
        var last = line
        var next = line + 1
        var previousBlank = false
        while next <= source.lineCount {
            let bytes = source.bytes[source.range(ofLine: next)]
            let indent = bytes.prefix { $0 == UInt8(ascii: " ") }.count
            if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                previousBlank = true
            } else if indent >= 4 {
                last = next
                previousBlank = false
            } else if !previousBlank, !startsBlock(bytes.dropFirst(indent)) {
                last = next
            } else {
                break
            }
            next += 1
        }
        return last
    }

    private static func startsBlock(_ content: ArraySlice<UInt8>) -> Bool {
        guard let first = content.first else { return true }
        if "#>-*+=|<`~[".utf8.contains(first) { return true }
        let digits = content.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        if !digits.isEmpty, let after = content.dropFirst(digits.count).first, after == UInt8(ascii: ".") || after == UInt8(ascii: ")") {
            return true
        }
        return false
    }

    private static func isSpaceOrBracket(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
