import Foundation

/// The index file search.js fetches, published under a content hash so it can be cached forever.
struct SearchIndexFile: Sendable {
    var path: SitePath
    var data: Data

    init(_ index: SearchIndex) {
        data = Data(index.encoded().utf8)
        path = SitePath(["search", "index.\(ContentHash.fingerprint(data)).json"], directory: false)
    }
}

/// The file format, version 1. JSON, written by hand so the bytes depend only on the content:
///
///     {"version":1,"weights":[8,4,2,1],
///      "pages":[[path, title, summary, [id, text, id, text, …]], …],
///      "terms":[term, …],
///      "postings":["title,heading,summary,body", …]}
///
/// `weights` are the fields' weights in that order. Entry numbers count each page, then its
/// sections. A section id of `""` means search.js's `autoID(text)`, which most ids are.
/// `postings[i]` belongs to `terms[i]` and holds one list per field, separated by `,` (trailing
/// empty lists dropped). A list is either gaps or a bitset, whichever is shorter:
/// - gaps: the first entry, then each next entry minus the previous minus one, each number in
///   base 32, most significant digit first; a digit from `more` says another digit follows.
/// - bitset: `~` then base64url (no padding) of bytes whose bit `n % 8` (least significant
///   first) of byte `n / 8` is set for entry `n`.
/// The synthetic corpora repeat a small vocabulary in every section, where bitsets win; real
/// prose is sparse, where gaps win, mostly at one character a hit.
extension SearchIndex {
    static let formatVersion = 1
    static let gapDigits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let gapMoreDigits = Array("WXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    func encoded() -> String {
        let terms = sortedTerms
        var json = "{\"version\":\(Self.formatVersion),\"weights\":["
        json += Field.allCases.map { String($0.weight) }.joined(separator: ",")
        json += "],\"pages\":["
        for (number, page) in pages.enumerated() {
            if number > 0 { json += "," }
            json += "[" + [page.path, page.title, page.summary].map(Self.quoted).joined(separator: ",") + ",["
            json += page.sections.flatMap { section in
                [section.id == SearchText.autoID(section.text) ? "" : section.id, section.text]
            }.map(Self.quoted).joined(separator: ",")
            json += "]]"
        }
        json += "],\"terms\":[" + terms.map(Self.quoted).joined(separator: ",")
        json += "],\"postings\":["
        json += terms.map { term in
            "\"" + (postings[term] ?? []).map(Self.encodeList).joined(separator: ",").trimmingTrailing(",") + "\""
        }.joined(separator: ",")
        json += "]}\n"
        return json
    }

    static func encodeList(_ entries: [Int]) -> String {
        let gaps = encodeGaps(entries)
        let bits = encodeBitset(entries)
        return bits.count < gaps.count ? bits : gaps
    }

    static func encodeGaps(_ entries: [Int]) -> String {
        var bytes: [UInt8] = []
        var previous = -1
        for entry in entries {
            var value = entry - previous - 1
            previous = entry
            var digits: [Int] = []
            repeat {
                digits.append(value & 31)
                value >>= 5
            } while value > 0
            for digit in digits.dropFirst().reversed() { bytes.append(gapMoreDigits[digit]) }
            bytes.append(gapDigits[digits[0]])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encodeBitset(_ entries: [Int]) -> String {
        guard let last = entries.last else { return "" }
        var bits = [UInt8](repeating: 0, count: last / 8 + 1)
        for entry in entries { bits[entry / 8] |= 1 << UInt8(entry % 8) }
        var text: [UInt8] = [UInt8(ascii: "~")]
        var index = 0
        while index < bits.count {
            let chunk = bits[index..<min(index + 3, bits.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
            for position in 0...chunk.count { text.append(base64URL[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A JSON string: quotes, backslashes and control characters escaped; everything else as it
    /// is in UTF-8, which JSON allows and which is shorter for CJK and Cyrillic text.
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

private extension String {
    func trimmingTrailing(_ character: Character) -> String {
        var text = self
        while text.last == character { text.removeLast() }
        return text
    }
}
