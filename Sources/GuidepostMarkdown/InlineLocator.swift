/// Places the inlines of one paragraph or heading on source lines.
///
/// cmark 0.30 reports inline positions that are right on a block's first line only: a
/// backslash hard break does not advance its line count, and on later lines its columns
/// assume the first line's indentation. So lines are counted here from the breaks seen,
/// and each later line is anchored at its first inline, which starts where that line's
/// content starts. Line endings inside a code span are invisible in cmark's tree, so a
/// link after such a span is placed one line early (rare enough to accept).
struct InlineLocator {
    private(set) var line: Int
    /// Maps cmark's reported columns on the current line to byte columns in the source.
    private var anchor: (reported: Int, actual: Int)?

    init(firstLine: Int) {
        line = firstLine
        anchor = (0, 0)
    }

    /// The 1-based byte column of an inline that cmark reported at `reportedColumn`.
    mutating func place(reportedColumn: Int, in source: SourceText) -> Int {
        if let anchor {
            return max(1, anchor.actual + reportedColumn - anchor.reported)
        }
        let actual = source.contentStart(line: line)
        anchor = (reportedColumn, actual)
        return actual
    }

    mutating func lineBreak() {
        line += 1
        anchor = nil
    }

    /// Inline HTML may span lines; cmark neither counts them nor restarts its columns.
    mutating func pass(html literal: String, reportedColumn: Int, in source: SourceText) {
        let bytes = Array(literal.utf8)
        var tailStart: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && bytes[safe: index + 1] != UInt8(ascii: "\n")) {
                line += 1
                tailStart = index + 1
            }
            index += 1
        }
        guard var start = tailStart else { return }
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
            start += 1
        }
        anchor = (reportedColumn + start, source.contentStart(line: line))
    }
}
