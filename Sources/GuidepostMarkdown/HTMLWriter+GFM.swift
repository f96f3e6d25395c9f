import GuidepostSupport

/// HTML for the GFM extensions: tables, footnotes and task list items.
extension HTMLWriter {
    static func isTask(_ item: [Block]) -> Bool {
        if case .paragraph(let inlines)? = item.first, case .taskMarker? = inlines.first { return true }
        return false
    }

    /// A wide table scrolls inside its own focusable box, never the page; the box is a named
    /// region so that a keyboard user can reach it and a screen reader says what it holds.
    mutating func writeTable(_ table: Table) {
        newline()
        out += "<div class=\"table-scroll\" role=\"region\" aria-label=\""
        HTMLEscaper.cmark.append(Self.label(of: table), to: &out)
        out += "\" tabindex=\"0\">\n<table>\n<thead>\n"
        writeRow(table.header, alignments: table.alignments, cell: "th")
        out += "</thead>\n"
        if !table.rows.isEmpty {
            out += "<tbody>\n"
            for row in table.rows { writeRow(row, alignments: table.alignments, cell: "td") }
            out += "</tbody>\n"
        }
        out += "</table>\n</div>\n"
    }

    private mutating func writeRow(_ cells: [[Inline]], alignments: [TableAlignment], cell: String) {
        out += "<tr>\n"
        for (index, inlines) in cells.enumerated() {
            out += "<\(cell)"
            if cell == "th" { out += " scope=\"col\"" }
            switch alignments[safe: index] ?? TableAlignment.none {
            case .none: break
            case .left: out += " class=\"align-left\""
            case .center: out += " class=\"align-center\""
            case .right: out += " class=\"align-right\""
            }
            out += ">"
            write(inlines)
            out += "</\(cell)>\n"
        }
        out += "</tr>\n"
    }

    /// "Table: Plan, Price", from the header cells, or "Table" when they say nothing.
    static func label(of table: Table) -> String {
        let names = table.header.map { PlainText.collapsingWhitespace(PlainText.of($0)) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return "Table" }
        return PlainText.truncated("Table: " + names.joined(separator: ", "), limit: 100)
    }

    mutating func writeReference(_ reference: FootnoteReference) {
        out += "<sup class=\"footnote-ref\"><a id=\"\(reference.id)\" href=\"#\(reference.target)\" aria-label=\"Footnote \(reference.number)\">"
        out += "\(reference.number)</a></sup>"
    }

    mutating func writeFootnotes(_ notes: [Footnote]) {
        newline()
        out += "<section class=\"footnotes\" aria-label=\"Footnotes\">\n<ol>\n"
        for note in notes {
            out += "<li id=\"\(note.id)\">\n"
            var blocks = note.blocks[...]
            let last: [Inline]? = if case .paragraph(let inlines)? = blocks.last { inlines } else { nil }
            if last != nil { blocks = blocks.dropLast() }
            blocks.forEach { write($0, tight: false) }
            newline()
            out += "<p>"
            if let last {
                write(last)
                out += " "
            }
            writeBackLinks(note)
            out += "</p>\n</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    private mutating func writeBackLinks(_ note: Footnote) {
        for (index, id) in note.referenceIDs.enumerated() {
            if index > 0 { out += " " }
            let which = index == 0 ? "\(note.number)" : "\(note.number), use \(index + 1)"
            out += "<a href=\"#\(id)\" class=\"footnote-backref\" aria-label=\"Back to reference \(which)\">↩"
            if index > 0 { out += "<sup>\(index + 1)</sup>" }
            out += "</a>"
        }
    }
}
