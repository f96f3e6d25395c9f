/// GFM task list items: a list item whose first paragraph opens with `[ ]`, `[x]` or `[X]`
/// and a space gets a checkbox in place of the marker.
enum TaskLists {
    /// The item's blocks with the marker replaced by `.taskMarker`, or unchanged.
    static func marking(_ item: [Block]) -> [Block] {
        guard case .paragraph(let inlines)? = item.first, case .text? = inlines.first else { return item }
        // cmark splits "[x] " at the brackets, so the marker spans up to three text inlines.
        var prefix = ""
        var count = 0
        while count < inlines.count, count < 4, case .text(let run) = inlines[count], prefix.utf8.count < 4 {
            prefix += run.text
            count += 1
        }
        let utf8 = Array(prefix.utf8)
        guard utf8.count >= 3, utf8[0] == UInt8(ascii: "["), utf8[2] == UInt8(ascii: "]"),
              [UInt8(ascii: " "), UInt8(ascii: "x"), UInt8(ascii: "X")].contains(utf8[1])
        else { return item }
        let rest = prefix.utf8.dropFirst(3)
        var remaining = Array(inlines.dropFirst(count))
        if let space = rest.first {
            guard space == UInt8(ascii: " ") || space == UInt8(ascii: "\t") else { return item }
            let tail = String(decoding: rest.dropFirst(), as: UTF8.self)
            if !tail.isEmpty { remaining.insert(.text(TextRun(tail)), at: 0) }
        } else {
            // The marker must be followed by whitespace: a line break, or nothing at all is no task.
            guard let first = remaining.first, first == .softBreak || first == .lineBreak else { return item }
            remaining.removeFirst()
        }
        var blocks = item
        blocks[0] = .paragraph([.taskMarker(checked: utf8[1] != UInt8(ascii: " "))] + remaining)
        return blocks
    }
}
