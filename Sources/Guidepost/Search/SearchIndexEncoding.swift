import Foundation

/// The index file search.js fetches, published under a content hash so it can be cached forever.
struct SearchIndexFile: Sendable {
    var path: SitePath
    var data: Data

    /// Under one name for good, unlike the theme's fingerprinted assets: every page names the
    /// index, so a name that changed with each edit would change every page, and an edit to one
    /// guide could never be a small rebuild. Hosts revalidate it instead (`_headers`).
    static let path = SitePath(["search", "index.json"], directory: false)

    init(_ index: SearchIndex) {
        data = index.encoded()
        path = Self.path
    }
}

/// The file format, version 1. JSON, written by hand so the bytes depend only on the content:
///
///     {"version":1,"weights":[8,4,2,1],
///      "categories":[name, …],
///      "pages":[[path, title, summary, [id, text, id, text, …], [excerpt, …], category], …],
///      "terms":[term, …],
///      "postings":["title,heading,summary,body", …]}
///
/// `weights` are the fields' weights in that order. Entry numbers count each page, then its
/// sections. A section id of `""` means search.js's `autoID(text)`, which most ids are. Each
/// entry has an excerpt, the start of its text (`SearchSnippet`); `category` indexes
/// `categories`, the top-level categories, or is -1 for none.
/// `postings[i]` belongs to `terms[i]` and holds one list per field, separated by `,` (trailing
/// empty lists dropped). A list is either gaps or a bitset, whichever is shorter:
/// - gaps: the first entry, then each next entry minus the previous minus one, each number in
///   base 32, most significant digit first; a digit from `more` says another digit follows.
/// - bitset: `~` then base64url (no padding) of bytes whose bit `n % 8` (least significant
///   first) of byte `n / 8` is set for entry `n`.
/// The synthetic corpora repeat a small vocabulary in every section, where bitsets win; real
/// prose is sparse, where gaps win, mostly at one character a hit.
///
/// The file is several megabytes for a large site: it is written as bytes, its pages and its
/// postings in chunks on every core.
extension SearchIndex {
    static let formatVersion = 1
    static let gapDigits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let gapMoreDigits = Array("WXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    func encoded() -> Data {
        let order = sortedTermIndices
        let pages = pages, terms = terms, postings = postings
        let pageParts = Parallel.chunks(pages.count, perCore: 2) { range in
            var json: [UInt8] = []
            for number in range {
                let page = pages[number]
                if number > 0 { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "["))
                for text in [page.path, page.title, page.summary] {
                    Self.appendQuoted(text, to: &json)
                    json.append(UInt8(ascii: ","))
                }
                json.append(UInt8(ascii: "["))
                for (position, section) in page.sections.enumerated() {
                    if position > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendQuoted(section.id == SearchText.autoID(section.text) ? "" : section.id, to: &json)
                    json.append(UInt8(ascii: ","))
                    Self.appendQuoted(section.text, to: &json)
                }
                json.append(contentsOf: "],[".utf8)
                for (position, excerpt) in page.excerpts.enumerated() {
                    if position > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendQuoted(excerpt, to: &json)
                }
                json.append(contentsOf: "],\(page.category ?? -1)]".utf8)
            }
            return json
        }
        let postingParts = Parallel.chunks(order.count, perCore: 2) { range in
            var json: [UInt8] = []
            for position in range {
                if position > 0 { json.append(UInt8(ascii: ",")) }
                json.append(UInt8(ascii: "\""))
                let lists = postings[order[position]]
                // Trailing empty lists are left out, and so are their commas.
                let used = (lists.lastIndex { !$0.isEmpty } ?? -1) + 1
                for field in 0..<used {
                    if field > 0 { json.append(UInt8(ascii: ",")) }
                    Self.appendList(lists[field], to: &json)
                }
                json.append(UInt8(ascii: "\""))
            }
            return json
        }
        var json: [UInt8] = []
        json.reserveCapacity(pageParts.reduce(0) { $0 + $1.count } + postingParts.reduce(0) { $0 + $1.count } + terms.count * 12 + 64)
        json.append(contentsOf: "{\"version\":\(Self.formatVersion),\"weights\":[".utf8)
        json.append(contentsOf: Field.allCases.map { String($0.weight) }.joined(separator: ",").utf8)
        json.append(contentsOf: "],\"categories\":[".utf8)
        for (position, name) in categories.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            Self.appendQuoted(name, to: &json)
        }
        json.append(contentsOf: "],\"pages\":[".utf8)
        for part in pageParts { json.append(contentsOf: part) }
        json.append(contentsOf: "],\"terms\":[".utf8)
        for (position, number) in order.enumerated() {
            if position > 0 { json.append(UInt8(ascii: ",")) }
            Self.appendQuoted(terms[number], to: &json)
        }
        json.append(contentsOf: "],\"postings\":[".utf8)
        for part in postingParts { json.append(contentsOf: part) }
        json.append(contentsOf: "]}\n".utf8)
        return Data(json)
    }

    static func encodeList(_ entries: [Int]) -> String {
        var bytes: [UInt8] = []
        appendList(entries.map { Int32($0) }, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encodeGaps(_ entries: [Int]) -> String {
        var bytes: [UInt8] = []
        appendGaps(entries.map { Int32($0) }, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encodeBitset(_ entries: [Int]) -> String {
        var bytes: [UInt8] = []
        appendBitset(entries.map { Int32($0) }, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whichever of gaps and bitset is shorter (gaps on a tie); both lengths are counted first,
    /// so only the one written is built.
    static func appendList(_ entries: [Int32], to bytes: inout [UInt8]) {
        guard let last = entries.last else { return }
        var gapLength = 0
        var previous: Int32 = -1
        for entry in entries {
            var value = entry - previous - 1
            previous = entry
            gapLength += 1
            while value >= 32 {
                value >>= 5
                gapLength += 1
            }
        }
        let byteCount = Int(last) / 8 + 1
        let bitsetLength = 1 + byteCount / 3 * 4 + (byteCount % 3 == 0 ? 0 : byteCount % 3 + 1)
        if bitsetLength < gapLength {
            appendBitset(entries, to: &bytes)
        } else {
            appendGaps(entries, to: &bytes)
        }
    }

    static func appendGaps(_ entries: [Int32], to bytes: inout [UInt8]) {
        var previous: Int32 = -1
        var digits: [Int] = []
        for entry in entries {
            var value = Int(entry - previous - 1)
            previous = entry
            digits.removeAll(keepingCapacity: true)
            repeat {
                digits.append(value & 31)
                value >>= 5
            } while value > 0
            for digit in digits.dropFirst().reversed() { bytes.append(gapMoreDigits[digit]) }
            bytes.append(gapDigits[digits[0]])
        }
    }

    static func appendBitset(_ entries: [Int32], to text: inout [UInt8]) {
        guard let last = entries.last else { return }
        var bits = [UInt8](repeating: 0, count: Int(last) / 8 + 1)
        for entry in entries { bits[Int(entry) / 8] |= 1 << UInt8(entry % 8) }
        text.append(UInt8(ascii: "~"))
        var index = 0
        while index < bits.count {
            let end = min(index + 3, bits.count)
            var value = 0
            for offset in 0..<(end - index) { value |= Int(bits[index + offset]) << (16 - 8 * offset) }
            for position in 0...(end - index) { text.append(base64URL[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as it
    /// is in UTF-8, which JSON allows and which is shorter for CJK and Cyrillic text.
    static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                bytes.append(contentsOf: #"\u"#.utf8)
                bytes.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript source.
                let second = utf8.index(after: index)
                if second != utf8.endIndex, utf8[second] == 0x80, utf8.index(after: second) != utf8.endIndex,
                   case let third = utf8[utf8.index(after: second)], third == 0xA8 || third == 0xA9 {
                    bytes.append(contentsOf: (third == 0xA8 ? #"\u2028"# : #"\u2029"#).utf8)
                    index = utf8.index(after: utf8.index(after: second))
                    continue
                }
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
            index = utf8.index(after: index)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
