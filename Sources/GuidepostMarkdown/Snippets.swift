/// Text cut out of the source for cmark to parse on its own (a table cell, a footnote's body),
/// with what it takes to put what is found in it back on the source's lines and columns.
struct Snippet {
    struct Line {
        var sourceLine: Int
        /// Added to a byte column of the snippet's line to get the source's.
        var shift: Int
        /// Byte columns of the snippet's line before which the source had one more byte (a `\|`'s backslash).
        var removed: [Int] = []
    }

    var text: String
    var lines: [Line]

    /// The source line and character column of snippet line `line`, character column `column`.
    func place(line: Int, column: Int, snippet: SourceText, in source: SourceText) -> (line: Int, column: Int) {
        guard let mapped = lines[safe: line - 1] else { return (lines.first?.sourceLine ?? 1, 1) }
        let byteColumn = snippet.byteColumn(line: line, characterColumn: column)
        let sourceColumn = byteColumn + mapped.shift + mapped.removed.count { $0 <= byteColumn }
        return (mapped.sourceLine, source.characterColumn(line: mapped.sourceLine, byteColumn: sourceColumn))
    }
}

extension SourceText {
    /// The bytes of `lines`, line endings included.
    func bytes(lines: ClosedRange<Int>) -> ArraySlice<UInt8> {
        let start = range(ofLine: lines.lowerBound).lowerBound
        return bytes[start..<max(start, range(ofLine: lines.upperBound).upperBound)]
    }

    /// The 1-based byte column of character column `characterColumn` on `line`.
    func byteColumn(line: Int, characterColumn: Int) -> Int {
        let range = range(ofLine: line)
        let text = String(decoding: bytes[range], as: UTF8.self)
        let prefix = text.prefix(max(0, characterColumn - 1))
        return prefix.utf8.count + 1
    }
}

extension DocumentBuilder {
    /// Parses `snippet` as a document of its own. Its links, flows and diagnostics join this
    /// document's, at their source positions; its headings are not the document's.
    mutating func parse(_ snippet: Snippet) -> [Block] {
        let text = SourceText(snippet.text)
        var nested = DocumentBuilder(source: text)
        CmarkWalker.walk(text.bytes) { nested.handle($0) }
        func place(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
            snippet.place(line: line, column: column, snippet: text, in: source)
        }
        if let line = nested.tooDeep {
            tooDeep = place(line, 1).line
            return []
        }
        let offset = links.count
        for var link in nested.links {
            (link.line, link.column) = place(link.line, link.column)
            link.index += offset
            links.append(link)
        }
        for var flow in nested.flows {
            flow.line = place(flow.line, 1).line
            flows.append(flow)
        }
        for var diagnostic in nested.diagnostics {
            (diagnostic.line, diagnostic.column) = place(diagnostic.line, diagnostic.column)
            diagnostics.append(diagnostic)
        }
        let placed = links
        return nested.blocks.map { block in
            block.rewritingInlines { inline in
                switch inline {
                case .link(let link, let children): return .link(placed[link.index + offset], children)
                case .image(let link, let children): return .image(placed[link.index + offset], children)
                case .footnoteReference(var reference):
                    (reference.line, reference.column) = place(reference.line, reference.column)
                    return .footnoteReference(reference)
                default: return inline
                }
            }
        }
    }
}

/// `SourceText.characterColumn` for many positions in source order: a long line with
/// thousands of links is counted once, not once per link.
struct ColumnCounter {
    let source: SourceText
    private var line = 0
    private var byteColumn = 1
    private var characterColumn = 1

    init(_ source: SourceText) {
        self.source = source
    }

    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        if line == self.line, byteColumn >= self.byteColumn {
            let range = source.range(ofLine: line)
            let from = min(range.upperBound, range.lowerBound + self.byteColumn - 1)
            let to = min(range.upperBound, range.lowerBound + max(0, byteColumn - 1))
            characterColumn += String(decoding: source.bytes[from..<max(from, to)], as: UTF8.self).count
        } else {
            characterColumn = source.characterColumn(line: line, byteColumn: byteColumn)
        }
        (self.line, self.byteColumn) = (line, byteColumn)
        return characterColumn
    }
}
