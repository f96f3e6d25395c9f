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

    /// `text`'s first `length` characters with runs of white space made one space, ending at a
    /// word's end unless the first word alone is longer.
    static func excerpt(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        var count = 0
        var lastWordEnd = result.endIndex
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                lastWordEnd = result.endIndex
                guard count + 1 < length else { return String(result[..<lastWordEnd]) }
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            guard count < length else { return lastWordEnd == result.startIndex ? result : String(result[..<lastWordEnd]) }
            result.append(character)
            count += 1
        }
        return result
    }
}
