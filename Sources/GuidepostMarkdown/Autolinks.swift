/// GFM's extended autolinks: bare `http://…`, `https://…`, `www.…` and e-mail addresses
/// in text, with the spec's rules for where they start and which trailing characters they leave out.
enum Autolinks {
    struct Match {
        /// Byte offsets in the text.
        var range: Range<Int>
        /// Put before the text to make the destination: `http://` for `www.`, `mailto:` for e-mail.
        var prefix: String
    }

    static func find(in bytes: [UInt8]) -> [Match] {
        var found: [Match] = []
        var index = 0
        var done = 0
        while index < bytes.count {
            if let match = url(in: bytes, at: index) ?? www(in: bytes, at: index) ?? email(in: bytes, at: index, after: done) {
                found.append(match)
                index = match.range.upperBound
                done = index
            } else {
                index += 1
            }
        }
        return found
    }

    /// An autolink starts a line or follows a space or one of `*`, `_`, `~` and `(`.
    private static func mayStart(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index > 0 else { return true }
        return isSpace(bytes[index - 1]) || "*_~(".utf8.contains(bytes[index - 1])
    }

    private static func url(in bytes: [UInt8], at index: Int) -> Match? {
        guard bytes[index] | 0x20 == UInt8(ascii: "h"), mayStart(bytes, at: index) else { return nil }
        let scheme = ["https://", "http://"].first { hasPrefix(bytes, at: index, $0) }
        guard let scheme else { return nil }
        // A host without a dot (`http://localhost:8080`) is accepted, as cmark-gfm does.
        guard let end = domainEnd(bytes, from: index + scheme.utf8.count, needsDot: false) else { return nil }
        return Match(range: index..<trimmed(bytes, index, pathEnd(bytes, from: end)), prefix: "")
    }

    private static func www(in bytes: [UInt8], at index: Int) -> Match? {
        guard bytes[index] | 0x20 == UInt8(ascii: "w"), hasPrefix(bytes, at: index, "www."), mayStart(bytes, at: index),
              let end = domainEnd(bytes, from: index, needsDot: true)
        else { return nil }
        return Match(range: index..<trimmed(bytes, index, pathEnd(bytes, from: end)), prefix: "http://")
    }

    private static func email(in bytes: [UInt8], at index: Int, after done: Int) -> Match? {
        guard bytes[index] == UInt8(ascii: "@") else { return nil }
        var start = index
        while start > done, isAlphanumeric(bytes[start - 1]) || ".-_+".utf8.contains(bytes[start - 1]) { start -= 1 }
        guard start < index else { return nil }
        var end = index + 1
        while end < bytes.count, isAlphanumeric(bytes[end]) || "-_.".utf8.contains(bytes[end]) { end += 1 }
        while end > index + 1, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        let domain = bytes[(index + 1)..<end]
        guard domain.contains(UInt8(ascii: ".")), let last = domain.last, last != UInt8(ascii: "-"), last != UInt8(ascii: "_")
        else { return nil }
        return Match(range: start..<end, prefix: "mailto:")
    }

    /// The end of a valid domain at `from`: segments of letters, digits, `_` and `-` between
    /// dots, no `_` in the last two.
    private static func domainEnd(_ bytes: [UInt8], from: Int, needsDot: Bool) -> Int? {
        var end = from
        while end < bytes.count, isHostByte(bytes[end]) { end += 1 }
        while end > from, bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
        guard end > from else { return nil }
        let segments = bytes[from..<end].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if needsDot, segments.count < 2 { return nil }
        if segments.contains(where: \.isEmpty) { return nil }
        if segments.suffix(2).contains(where: { $0.contains(UInt8(ascii: "_")) }) { return nil }
        return end
    }

    private static func pathEnd(_ bytes: [UInt8], from: Int) -> Int {
        var end = from
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        return end
    }

    /// Leaves out trailing punctuation, a `)` with no `(` to match, and a trailing entity-like `&name;`.
    private static func trimmed(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start {
            let last = bytes[end - 1]
            if "?!.,:*_~'\"".utf8.contains(last) {
                end -= 1
            } else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, [0x98, 0x99, 0x9C, 0x9D].contains(last) {
                end -= 3 // a quote that smart punctuation curled
            } else if last == UInt8(ascii: ")") {
                let link = bytes[start..<end]
                guard link.count(where: { $0 == UInt8(ascii: ")") }) > link.count(where: { $0 == UInt8(ascii: "(") }) else { break }
                end -= 1
            } else if last == UInt8(ascii: ";") {
                var ampersand = end - 1
                while ampersand > start, isAlphanumeric(bytes[ampersand - 1]) { ampersand -= 1 }
                guard ampersand > start, ampersand < end - 1, bytes[ampersand - 1] == UInt8(ascii: "&") else { break }
                end = ampersand - 1
            } else {
                break
            }
        }
        return end
    }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard index + prefix.count <= bytes.count else { return false }
        for offset in prefix.indices where bytes[index + offset] | 0x20 != prefix[offset] | 0x20 { return false }
        return true
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte >= 0x80
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The link is what was typed: give back the quotes and dashes cmark smartened.
    static func undoingSmartPunctuation(_ text: String) -> String {
        AttributeBlock.undoingSmartPunctuation(Substring(text))
    }
}
