/// GFM pipe tables. cmark reads a table as a paragraph; its source lines are read again here:
/// a header row, a delimiter row with as many cells (`| --- | :-: |`), then body rows to the
/// paragraph's end. Lines before the header stay a paragraph.
enum GFMTables {
    struct Cell {
        /// 1-based byte column of the cell's first byte (after trimming) in its line.
        var column: Int
        /// As written, trimmed; `\|` still escaped.
        var bytes: ArraySlice<UInt8>
    }

    struct Row {
        var line: Int
        var cells: [Cell]
    }

    struct Layout {
        /// Paragraph lines before the header row, if any.
        var before: ClosedRange<Int>?
        var header: Row
        var alignments: [TableAlignment]
        var body: [Row]
    }

    static func layout(in source: SourceText, span: BlockSpan) -> Layout? {
        let rows = (span.line...max(span.line, span.endLine)).map { line in
            row(source, line: line, from: line == span.line ? span.column : source.contentStart(line: line))
        }
        guard rows.count >= 2 else { return nil }
        for index in 0..<(rows.count - 1) {
            let header = rows[index], delimiter = rows[index + 1]
            guard header.cells.count == delimiter.cells.count,
                  let alignments = alignments(delimiter, source: source),
                  hasPipe(source, header.line) || hasPipe(source, delimiter.line)
            else { continue }
            let before = index > 0 ? span.line...(header.line - 1) : nil
            return Layout(before: before, header: header, alignments: alignments, body: Array(rows[(index + 2)...]))
        }
        return nil
    }

    private static func hasPipe(_ source: SourceText, _ line: Int) -> Bool {
        source.bytes[source.range(ofLine: line)].contains(UInt8(ascii: "|"))
    }

    /// Cells split at each `|` that no backslash escapes, even inside code spans (as GFM does);
    /// a leading and a trailing pipe are optional.
    static func row(_ source: SourceText, line: Int, from column: Int) -> Row {
        let range = source.range(ofLine: line)
        let lineStart = range.lowerBound
        var start = min(range.upperBound, lineStart + max(0, column - 1))
        var end = range.upperBound
        while start < end, isSpace(source.bytes[start]) { start += 1 }
        while end > start, isSpace(source.bytes[end - 1]) { end -= 1 }
        if start < end, source.bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, source.bytes[end - 1] == UInt8(ascii: "|"), !isEscaped(source.bytes, end - 1, from: start) { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start
        var index = start
        func finish(_ cellEnd: Int) {
            var from = cellStart, to = cellEnd
            while from < to, isSpace(source.bytes[from]) { from += 1 }
            while to > from, isSpace(source.bytes[to - 1]) { to -= 1 }
            cells.append(Cell(column: from - lineStart + 1, bytes: source.bytes[from..<to]))
        }
        while index < end {
            if source.bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if source.bytes[index] == UInt8(ascii: "|") {
                finish(index)
                cellStart = index + 1
            }
            index += 1
        }
        if start < end || cells.isEmpty { finish(end) }
        return Row(line: line, cells: cells)
    }

    private static func isEscaped(_ bytes: [UInt8], _ index: Int, from start: Int) -> Bool {
        var backslashes = 0
        var at = index - 1
        while at >= start, bytes[at] == UInt8(ascii: "\\") {
            backslashes += 1
            at -= 1
        }
        return backslashes % 2 == 1
    }

    /// Each cell `-`s with an optional `:` at either end.
    private static func alignments(_ row: Row, source: SourceText) -> [TableAlignment]? {
        var result: [TableAlignment] = []
        for cell in row.cells {
            var bytes = cell.bytes
            let left = bytes.first == UInt8(ascii: ":")
            if left { bytes = bytes.dropFirst() }
            let right = bytes.last == UInt8(ascii: ":")
            if right { bytes = bytes.dropLast() }
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The cell's text as cmark is to read it: `\|` unescaped, behind a word and a space that
    /// keep cmark from reading `# x`, `- x` or `> x` as a block (the flanking rules see the
    /// same space as at a line's start).
    static func snippet(_ cell: Cell, line: Int) -> Snippet {
        var text: [UInt8] = Array(prefix.utf8)
        var removed: [Int] = []
        var index = cell.bytes.startIndex
        while index < cell.bytes.endIndex {
            let byte = cell.bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < cell.bytes.endIndex, cell.bytes[index + 1] == UInt8(ascii: "|") {
                removed.append(text.count + 1)
                index += 1
                continue
            }
            text.append(byte)
            index += 1
        }
        let shift = cell.column - 1 - prefix.utf8.count
        return Snippet(text: String(decoding: text, as: UTF8.self), lines: [Snippet.Line(sourceLine: line, shift: shift, removed: removed)])
    }

    static let prefix = "x "

    /// Every line that opens a link reference definition, with the lines after it up to a blank
    /// one: a cell is parsed on its own, and `[text][ref]` in it needs the document's `[ref]: url`.
    static func definitions(in source: SourceText) -> String {
        var text = ""
        var line = 1
        while line <= source.lineCount {
            let range = source.range(ofLine: line)
            let indent = source.bytes[range].prefix { $0 == UInt8(ascii: " ") }.count
            guard indent <= 3, source.startsReferenceDefinition(line: line, byteColumn: indent + 1) else {
                line += 1
                continue
            }
            while line <= source.lineCount {
                let bytes = source.bytes[source.range(ofLine: line)]
                if bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { break }
                text += "\n" + String(decoding: bytes, as: UTF8.self)
                line += 1
            }
        }
        return text
    }
}

extension DocumentBuilder {
    /// The blocks a paragraph that holds a table turns into, or nil when it holds none.
    mutating func tableBlocks(_ span: BlockSpan) -> [Block]? {
        guard let layout = GFMTables.layout(in: source, span: span), let firstLink = leaf?.firstLink else { return nil }
        leaf = nil
        // What the walk found in the paragraph is found again, cell by cell.
        links.removeSubrange(firstLink...)
        var blocks: [Block] = []
        if let before = layout.before {
            let lines = before.map { line in
                let start = line == span.line ? span.column : source.contentStart(line: line)
                return (line, start, source.range(ofLine: line))
            }
            let text = lines.map { String(decoding: source.bytes[($0.2.lowerBound + $0.1 - 1)..<$0.2.upperBound], as: UTF8.self) }
            blocks += parse(Snippet(text: text.joined(separator: "\n"), lines: lines.map { Snippet.Line(sourceLine: $0.0, shift: $0.1 - 1) }))
        }
        let columns = layout.alignments.count
        if definitions == nil { definitions = GFMTables.definitions(in: source) }
        let header = layout.header.cells.map { cell(GFMTables.snippet($0, line: layout.header.line)) }
        var rows: [[[Inline]]] = []
        for row in layout.body {
            var cells = row.cells.prefix(columns).map { cell(GFMTables.snippet($0, line: row.line)) }
            cells += Array(repeating: [], count: columns - cells.count)
            if row.cells.count > columns {
                let extra = row.cells[columns]
                diagnostics.append(MarkdownDiagnostic(
                    line: row.line, column: source.characterColumn(line: row.line, byteColumn: extra.column),
                    "this table row has \(row.cells.count) cells but the table has \(columns == 1 ? "1 column" : "\(columns) columns"); the cells from here on are not shown",
                    hint: "add a column to the header and delimiter rows, or escape a `|` that is part of the text as `\\|`."))
            }
            rows.append(cells)
        }
        blocks.append(.table(Table(alignments: layout.alignments, header: header, rows: rows)))
        return blocks
    }

    /// cmark reads a table followed by `---` or `===` as a setext heading. For GFM the table
    /// ends at `---`, a thematic break, while `===` is one more row.
    mutating func setextTableBlocks(level: Int, _ span: BlockSpan) -> [Block]? {
        guard span.endLine > span.line else { return nil }
        guard level == 2 else { return tableBlocks(span) }
        guard let blocks = tableBlocks(BlockSpan(line: span.line, column: span.column, endLine: span.endLine - 1)) else { return nil }
        return blocks + [.thematicBreak]
    }

    private mutating func cell(_ snippet: Snippet) -> [Inline] {
        guard snippet.text.utf8.count > GFMTables.prefix.utf8.count else { return [] }
        var snippet = snippet
        if let definitions, !definitions.isEmpty, snippet.text.utf8.contains(UInt8(ascii: "]")) {
            snippet.text += "\n" + definitions
        }
        guard case .paragraph(var inlines)? = parse(snippet).first, case .text(let first)? = inlines.first else { return [] }
        let drop = GFMTables.prefix.utf8.count
        if first.count > drop {
            inlines[0] = .text(TextRun(first.storage, start: Int(first.start) + drop, count: Int(first.count) - drop))
        } else {
            inlines.removeFirst()
        }
        return inlines
    }
}
