/// GFM strikethrough: `~one~` or `~~two~~` tildes around text. Runs of tildes are matched
/// like emphasis delimiters (an opener is left-flanking, a closer right-flanking), an opener
/// only with a closer of its own length; three or more tildes are always literal.
enum Strikethrough {
    private enum Token {
        case piece(Piece)
        case tildes(MergedRun, count: Int, canOpen: Bool, canClose: Bool)
    }

    /// Openers wait on one stack per length; a closer takes the nearest opener of its length,
    /// and openers of the other length inside the pair stay literal. Each inline moves into a
    /// pair at most once, so a long paragraph of tildes stays linear.
    static func match(_ pieces: [Piece]) -> [Inline] {
        var output: [Inline] = []
        var openers: [[Int]] = [[], []]
        for token in tokenize(pieces) {
            switch token {
            case .piece(let piece):
                output.append(piece.inline)
            case .tildes(let run, let count, let canOpen, let canClose):
                if canClose, count <= 2, let opener = openers[count - 1].popLast() {
                    while let inner = openers[2 - count].last, inner > opener { openers[2 - count].removeLast() }
                    let struck = Inline.strikethrough(Array(output[(opener + 1)...]))
                    output.removeSubrange(opener...)
                    output.append(struck)
                    continue
                }
                if canOpen, count <= 2 { openers[count - 1].append(output.count) }
                output.append(.text(run.run))
            }
        }
        return output
    }

    /// Splits text at runs of tildes, deciding for each whether it may open or close.
    private static func tokenize(_ pieces: [Piece]) -> [Token] {
        var tokens: [Token] = []
        for (pieceIndex, piece) in pieces.enumerated() {
            guard case .text(let merged) = piece, merged.run.text.utf8.contains(UInt8(ascii: "~")) else {
                tokens.append(.piece(piece))
                continue
            }
            let text = merged.run.text
            let bytes = Array(text.utf8)
            var done = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "~") else {
                    index += 1
                    continue
                }
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: "~") { end += 1 }
                let before = index > 0 ? character(before: index, in: text) : neighbour(pieces, pieceIndex - 1, last: true)
                let after = end < bytes.count ? character(at: end, in: text) : neighbour(pieces, pieceIndex + 1, last: false)
                let left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before))
                let right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after))
                if index > done { tokens.append(.piece(.text(merged.slice(done, index)))) }
                tokens.append(.tildes(merged.slice(index, end), count: end - index, canOpen: left, canClose: right))
                done = end
                index = end
            }
            if done < bytes.count { tokens.append(.piece(.text(merged.slice(done, bytes.count)))) }
        }
        return tokens
    }

    private static func character(before offset: Int, in text: Substring) -> Character {
        let utf8 = text.utf8
        let position = utf8.index(utf8.startIndex, offsetBy: offset)
        return text[..<position].last ?? " "
    }

    private static func character(at offset: Int, in text: Substring) -> Character {
        let utf8 = text.utf8
        let position = utf8.index(utf8.startIndex, offsetBy: offset)
        return text[position...].first ?? " "
    }

    /// What a delimiter run sees past its text: a break or the frame's edge is space; other
    /// inlines (code, emphasis, links) begin and end with punctuation in the source.
    private static func neighbour(_ pieces: [Piece], _ index: Int, last: Bool) -> Character {
        guard pieces.indices.contains(index) else { return " " }
        switch pieces[index] {
        case .text(let merged): return (last ? merged.run.text.last : merged.run.text.first) ?? " "
        case .inline(.softBreak), .inline(.lineBreak): return " "
        case .inline: return "*"
        }
    }

    private static func isSpace(_ character: Character) -> Bool { character.isWhitespace }

    private static func isPunctuation(_ character: Character) -> Bool {
        character.isPunctuation || (character.isASCII && character.isSymbol)
    }
}
