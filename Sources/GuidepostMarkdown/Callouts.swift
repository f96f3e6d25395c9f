/// Recognises GitHub's callout form: a block quote whose first line is `[!KIND]` alone.
enum Callouts {
    /// `.callout` without the marker line when the quote opens with a marker, else `.blockQuote`.
    static func classify(_ children: [Block]) -> Block {
        guard case .paragraph(let inlines)? = children.first,
              let (kind, rest) = marker(in: inlines)
        else { return .blockQuote(children) }
        var blocks = Array(children.dropFirst())
        if !rest.isEmpty { blocks.insert(.paragraph(rest), at: 0) }
        return .callout(kind, blocks)
    }

    private static func marker(in inlines: [Inline]) -> (CalloutKind, [Inline])? {
        // cmark splits "[!NOTE]" into several text nodes at the bracket and the "!".
        var label = ""
        var index = inlines.startIndex
        while index < inlines.endIndex, case .text(let literal) = inlines[index] {
            label.append(contentsOf: literal.text)
            index += 1
        }
        if index < inlines.endIndex {
            // Anything but a line break after the marker means text follows it on its line.
            guard inlines[index] == .softBreak || inlines[index] == .lineBreak else { return nil }
            index += 1
        }
        var trimmed = Substring(label)
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        guard trimmed.hasPrefix("[!"), trimmed.hasSuffix("]"),
              let kind = CalloutKind(rawValue: trimmed.dropFirst(2).dropLast().lowercased())
        else { return nil }
        return (kind, Array(inlines[index...]))
    }
}
