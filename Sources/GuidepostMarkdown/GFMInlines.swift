/// Which GFM inline extensions a block's source could hold. Found by one pass over its bytes,
/// so that the (far more common) blocks with none of them cost nothing more to build.
struct GFMTriggers: OptionSet {
    let rawValue: UInt8
    static let strikethrough = GFMTriggers(rawValue: 1)
    static let autolink = GFMTriggers(rawValue: 2)
    static let footnote = GFMTriggers(rawValue: 4)
    static let pipe = GFMTriggers(rawValue: 8)

    /// Whether text inlines' source positions are needed (to place new links and references).
    var needsPoints: Bool { !isDisjoint(with: [.autolink, .footnote]) }

    static func scan(_ bytes: ArraySlice<UInt8>) -> GFMTriggers {
        var found: GFMTriggers = []
        // Most bytes are none of the six below, so the bytes before one are looked at only when
        // it is found ("://", "www.", "[^"), not carried along for every byte.
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                switch buffer[index] {
                case UInt8(ascii: "~"): found.insert(.strikethrough)
                case UInt8(ascii: "|"): found.insert(.pipe)
                case UInt8(ascii: "@"): found.insert(.autolink)
                case UInt8(ascii: "/") where index >= 1 && buffer[index - 1] == UInt8(ascii: ":"):
                    found.insert(.autolink)
                case UInt8(ascii: ".") where index >= 3 && (index - 3..<index).allSatisfy({ buffer[$0] | 0x20 == UInt8(ascii: "w") }):
                    found.insert(.autolink)
                case UInt8(ascii: "^") where index >= 1 && buffer[index - 1] == UInt8(ascii: "["):
                    found.insert(.footnote)
                default: break
                }
            }
        }
        return found
    }
}

/// Where a text inline of a block starts: `index` in its frame's inlines, byte column.
struct TextPoint {
    var index: Int
    var line: Int
    var column: Int
}

/// Adjacent text inlines joined into one (cmark splits text at every character it might
/// smarten or escape), with where each joined part started in the source.
struct MergedRun {
    var run: TextRun
    /// Offset into `run` (bytes), line, byte column; empty when positions were not recorded.
    var parts: [TextPoint] = []

    /// The source line and byte column of the byte at `offset`. Exact within one text node of
    /// cmark's, whose literal is its source; the start of every construct found here is one.
    func point(at offset: Int) -> (line: Int, column: Int)? {
        let after = partsStarting(after: offset)
        guard after > 0 else { return nil }
        let part = parts[after - 1]
        return (part.line, part.column + offset - part.index)
    }

    /// The part of this run from `from` to `to` (byte offsets), positions kept.
    func slice(_ from: Int, _ to: Int) -> MergedRun {
        var sliced = MergedRun(run: TextRun(run.storage, start: Int(run.start) + from, count: to - from))
        if let first = point(at: from) { sliced.parts.append(TextPoint(index: 0, line: first.line, column: first.column)) }
        for part in parts[partsStarting(after: from)...] {
            guard part.index < to else { break }
            sliced.parts.append(TextPoint(index: part.index - from, line: part.line, column: part.column))
        }
        return sliced
    }

    /// The index of the first part that starts after `offset` (binary search: a paragraph of
    /// many links is split many times).
    private func partsStarting(after offset: Int) -> Int {
        var low = 0, high = parts.count
        while low < high {
            let middle = (low + high) / 2
            if parts[middle].index <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// An inline on its way through the GFM passes: text still open to matching, or done.
enum Piece {
    case text(MergedRun)
    case inline(Inline)

    static func merging(_ inlines: [Inline], points: [TextPoint]) -> [Piece] {
        var pieces: [Piece] = []
        var pointIndex = 0
        for (index, inline) in inlines.enumerated() {
            guard case .text(let run) = inline else {
                pieces.append(.inline(inline))
                continue
            }
            while pointIndex < points.count, points[pointIndex].index < index { pointIndex += 1 }
            let point = pointIndex < points.count && points[pointIndex].index == index ? points[pointIndex] : nil
            if case .text(var last)? = pieces.last {
                let offset = Int(last.run.count)
                last.run = TextRun.joining(last.run, run)
                if let point { last.parts.append(TextPoint(index: offset, line: point.line, column: point.column)) }
                pieces[pieces.count - 1] = .text(last)
            } else {
                var merged = MergedRun(run: run)
                if let point { merged.parts.append(TextPoint(index: 0, line: point.line, column: point.column)) }
                pieces.append(.text(merged))
            }
        }
        return pieces
    }

    var inline: Inline {
        switch self {
        case .text(let merged): .text(merged.run)
        case .inline(let inline): inline
        }
    }
}

extension TextRun {
    /// One run of both: a slice of their shared string when `second` follows `first` in it
    /// (as the literals of one walk do), else a new string.
    static func joining(_ first: TextRun, _ second: TextRun) -> TextRun {
        if first.storage === second.storage, first.start + first.count == second.start {
            return TextRun(first.storage, start: Int(first.start), count: Int(first.count + second.count))
        }
        return TextRun(String(first.text) + String(second.text))
    }
}

/// Runs the GFM inline extensions over one frame's inlines (a paragraph's, a heading's, an
/// emphasis's…): footnote references, then autolinks, then strikethrough, as cmark-gfm does.
struct GFMInlinePass {
    let triggers: GFMTriggers
    /// Inside a link's text nothing may become a link (nor a footnote reference, itself a link).
    let insideLink: Bool
    /// Where new links are numbered from; they are appended to `links`, byte columns.
    var nextLinkIndex: Int
    var links: [Link] = []
    var diagnostics: [MarkdownDiagnostic] = []
    let source: SourceText

    mutating func run(_ inlines: [Inline], points: [TextPoint]) -> [Inline] {
        var pieces = Piece.merging(inlines, points: points)
        if triggers.contains(.footnote) {
            pieces = pieces.enumerated().flatMap { index, piece -> [Piece] in
                guard case .text(let merged) = piece else { return [piece] }
                return footnoteReferences(in: merged, atStart: index == 0)
            }
        }
        if triggers.contains(.autolink), !insideLink {
            pieces = pieces.flatMap { piece -> [Piece] in
                guard case .text(let merged) = piece else { return [piece] }
                return autolinks(in: merged)
            }
        }
        if triggers.contains(.strikethrough) {
            return Strikethrough.match(pieces)
        }
        return pieces.map(\.inline)
    }

    /// `[^label]`: a label of anything but whitespace and brackets.
    /// `atStart`: the run opens its block, where `[^label]:` is a definition that was not read
    /// as one (it is inside a list or a quote).
    private mutating func footnoteReferences(in merged: MergedRun, atStart: Bool) -> [Piece] {
        let bytes = Array(merged.run.text.utf8)
        var pieces: [Piece] = []
        var done = 0
        var index = 0
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, !Self.endsLabel(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > index + 2 else {
                if end < bytes.count, bytes[end] != UInt8(ascii: "["), let point = merged.point(at: index) {
                    diagnostics.append(MarkdownDiagnostic(
                        line: point.line, column: source.characterColumn(line: point.line, byteColumn: point.column),
                        "`[^` here is shown as literal text: a footnote label cannot contain spaces",
                        hint: "write the label without spaces, for example `[^note-1]`, or escape the bracket as `\\[`."))
                }
                index += 2
                continue
            }
            let label = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
            if atStart, index == 0, end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: ":") {
                // A definition inside a list or a quote (reported when the source is first read).
                index = end + 1
                continue
            }
            if insideLink {
                if let point = merged.point(at: index) {
                    diagnostics.append(MarkdownDiagnostic(
                        line: point.line, column: source.characterColumn(line: point.line, byteColumn: point.column),
                        "the footnote reference `[^\(label)]` is inside a link's text, so it is shown as literal text",
                        hint: "move the reference out of the link's brackets."))
                }
                index = end + 1
                continue
            }
            if index > done { pieces.append(.text(merged.slice(done, index))) }
            let point = merged.point(at: index) ?? (0, 1)
            pieces.append(.inline(.footnoteReference(FootnoteReference(label: label, line: point.line, column: point.column))))
            index = end + 1
            done = index
        }
        guard done > 0 else { return [.text(merged)] }
        if done < bytes.count { pieces.append(.text(merged.slice(done, bytes.count))) }
        return pieces
    }

    private static func endsLabel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: " ")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func autolinks(in merged: MergedRun) -> [Piece] {
        let bytes = Array(merged.run.text.utf8)
        let found = Autolinks.find(in: bytes)
        guard !found.isEmpty else { return [.text(merged)] }
        var pieces: [Piece] = []
        var done = 0
        for match in found {
            if match.range.lowerBound > done { pieces.append(.text(merged.slice(done, match.range.lowerBound))) }
            let written = Autolinks.undoingSmartPunctuation(String(decoding: bytes[match.range], as: UTF8.self))
            let point = merged.point(at: match.range.lowerBound) ?? (0, 1)
            let link = Link(index: nextLinkIndex, destination: match.prefix + written, title: "", isImage: false,
                            line: point.line, column: point.column)
            nextLinkIndex += 1
            links.append(link)
            pieces.append(.inline(.link(link, [.text(TextRun(written))])))
            done = match.range.upperBound
        }
        if done < bytes.count { pieces.append(.text(merged.slice(done, bytes.count))) }
        return pieces
    }
}
