/// The parsed source as bytes with its line starts, for turning cmark's positions into
/// the line and column a person sees in an editor.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; index 0 is line 1.
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var index = 0
        // cmark ends a line at "\n", "\r\n" or a lone "\r"; count lines the same way.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && bytes[safe: index + 1] != UInt8(ascii: "\n")) {
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
    }

    var lineCount: Int { lineStarts.count }

    /// Byte offsets of `line` (1-based) without its line ending; empty when out of range.
    func range(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return start..<end
    }

    /// 1-based byte column where a continuation line's inline content starts: past block quote
    /// markers and indentation, the only things that may precede it.
    func contentStart(line: Int) -> Int {
        let range = range(ofLine: line)
        var index = range.lowerBound
        while index < range.upperBound, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">")].contains(bytes[index]) {
            index += 1
        }
        return index - range.lowerBound + 1
    }

    /// Converts a 1-based byte column into a 1-based column counted in characters.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        let range = range(ofLine: line)
        let end = min(range.upperBound, range.lowerBound + max(0, byteColumn - 1))
        return String(decoding: bytes[range.lowerBound..<end], as: UTF8.self).count + 1
    }

    /// Whether the text at (`line`, `byteColumn`) opens a link reference definition (`[label]:`).
    /// cmark keeps a paragraph's start line at such definitions even though it removes them.
    func startsReferenceDefinition(line: Int, byteColumn: Int) -> Bool {
        let range = range(ofLine: line)
        var index = range.lowerBound + max(0, byteColumn - 1)
        guard index < range.upperBound, bytes[index] == UInt8(ascii: "[") else { return false }
        index += 1
        while index < range.upperBound, bytes[index] != UInt8(ascii: "]") {
            index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return index + 1 < range.upperBound && bytes[index + 1] == UInt8(ascii: ":")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
