/// Each entry's text as the index keeps it, so a result can show its words in context: search.js
/// cuts a snippet around the first matched word from it. Capped: it is paid for on every entry
/// of a site, though a query loads only its results' fragments (`SearchIndexFiles`).
enum SearchSnippet {
    /// Characters kept of each entry's text, cut back to the end of a word: most sections of a
    /// help guide whole, a paragraph or two of a long one.
    static let length = 600

    /// One excerpt per entry of `source` (the page, then each section). The page's own is
    /// empty when it has a summary, which search.js shows instead.
    static func excerpts(_ source: SearchIndexBuilder.Source) -> [String] {
        source.texts.enumerated().map { number, fields in
            if number == 0 && !source.page.summary.isEmpty { return "" }
            let body = fields.first { $0.0 == .body }?.1 ?? ""
            return excerpt(body)
        }
    }

    /// `text`'s first `length` characters (Unicode scalars: counting grapheme clusters cost more
    /// than the rest of the index's text) with runs of white space made one space, ending at a
    /// word's end unless the first word alone is longer.
    static func excerpt(_ text: String) -> String {
        // Gathered as UTF-8: appending to a String scalar by scalar was most of this.
        var result: [UInt8] = []
        result.reserveCapacity(Swift.min(text.utf8.count, length * 2))
        var pendingSpace = false
        var count = 0
        var lastWordEnd = 0
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                lastWordEnd = result.count
                guard count + 1 < length else { return String(decoding: result[..<lastWordEnd], as: UTF8.self) }
                result.append(UInt8(ascii: " "))
                count += 1
                pendingSpace = false
            }
            guard count < length else { return String(decoding: result[..<(lastWordEnd == 0 ? result.count : lastWordEnd)], as: UTF8.self) }
            if scalar.isASCII { result.append(UInt8(scalar.value)) } else { result.append(contentsOf: UTF8.encode(scalar)!) }
            count += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}" }
        return scalar.properties.isWhitespace
    }
}
