/// HTML around Markdown, the way GitHub renders it:
///
///     <details>
///     <summary>Other ways in</summary>
///
///     Markdown, as **usual**.
///
///     </details>
///
/// cmark ends an HTML block at a blank line, so the opening and closing tags are separate
/// blocks with Markdown between them. Each is still sanitized on its own; the elements the first
/// leaves open are remembered on its container, and a later HTML block of the same container
/// that starts with their end tags closes them. What is never closed is closed at the end of
/// the container, with a warning.
extension DocumentBuilder {
    mutating func addHTMLBlock(_ literal: String, line: Int) {
        var literal = literal
        let closed = closeWrappers(endedAtTheStartOf: &literal)
        guard literal.utf8.contains(where: { !Self.isSpace($0) }) else { return }
        let raw = rawHTML
        var (fragment, open) = withFindings { raw.block(literal, line: line, into: &$0) }
        if closed, case .html(let first)? = fragment.pieces.first {
            // The spaces where the end tags were.
            fragment.pieces[0] = .html(String(first.drop { $0 == " " || $0 == "\n" || $0 == "\t" }))
        }
        appendBlock(.htmlBlock(fragment))
        if !open.isEmpty, !stack.isEmpty { stack[stack.count - 1].wrappers += open }
    }

    /// Consumes the end tags at the start of `literal` that close the container's open
    /// wrappers, innermost first, writing them as blocks of their own. Consumed bytes become
    /// spaces, so what is left keeps its lines and columns.
    private mutating func closeWrappers(endedAtTheStartOf literal: inout String) -> Bool {
        guard let top = stack.indices.last, !stack[top].wrappers.isEmpty else { return false }
        var bytes = Array(literal.utf8)
        var index = 0
        while let innermost = stack[top].wrappers.last, let (name, end) = Self.endTag(in: bytes, from: index), name == innermost.name {
            for position in index..<end where bytes[position] != UInt8(ascii: "\n") { bytes[position] = UInt8(ascii: " ") }
            index = end
            stack[top].wrappers.removeLast()
            if innermost.kept { appendBlock(.htmlBlock(HTMLFragment(pieces: [.html("</\(name)>")], text: ""))) }
        }
        if index > 0 { literal = String(decoding: bytes, as: UTF8.self) }
        return index > 0
    }

    /// Closes what the frame's HTML left open, at the end of the frame, and says so.
    mutating func closeWrappers(of frame: inout Frame) {
        let place = switch frame.container {
        case .document: "the page"
        case .blockQuote: "its quote"
        case .item: "its list item"
        default: "its block"
        }
        for wrapper in frame.wrappers.reversed() {
            if wrapper.kept { frame.blocks.append(.htmlBlock(HTMLFragment(pieces: [.html("</\(wrapper.name)>")], text: ""))) }
            diagnostics.append(MarkdownDiagnostic(
                line: wrapper.line, column: wrapper.column,
                "`<\(wrapper.name)>` has no `</\(wrapper.name)>` before the end of \(place), so it ends there",
                hint: "write `</\(wrapper.name)>` on a line of its own, after a blank line, where the part it wraps ends."))
        }
        frame.wrappers = []
    }

    /// The lowercased name of the end tag at `start` (after spaces) and the byte after it.
    private static func endTag(in bytes: [UInt8], from start: Int) -> (String, Int)? {
        var index = start
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") else { return nil }
        index += 2
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return nil }
        return (name, index + 1)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    }
}
