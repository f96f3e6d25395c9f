import Foundation

/// The pieces the index files are written with (`SearchIndexFiles`): lists of entry numbers and
/// JSON strings, as bytes.
///
/// A list of entries is either gaps or a bitset, whichever is shorter:
/// - gaps: the first entry, then each next entry minus the previous minus one, each number in
///   base 32, most significant digit first; a digit from `more` says another digit follows.
/// - bitset: `~` then base64url (no padding) of bytes whose bit `n % 8` (least significant
///   first) of byte `n / 8` is set for entry `n`.
/// The synthetic corpora repeat a small vocabulary in every section, where bitsets win; real
/// prose is sparse, where gaps win, mostly at one character a hit.
extension SearchIndex {
    static let formatVersion = 2
    static let gapDigits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUV".utf8)
    static let gapMoreDigits = Array("WXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let base64URL = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

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
        for entry in entries {
            appendNumber(Int(entry - previous - 1), to: &bytes)
            previous = entry
        }
    }

    /// One number of a gap list: base 32, most significant digit first, every digit but the
    /// last from `gapMoreDigits`.
    static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var value = number
        var digits: [Int] = []
        repeat {
            digits.append(value & 31)
            value >>= 5
        } while value > 0
        for digit in digits.dropFirst().reversed() { bytes.append(gapMoreDigits[digit]) }
        bytes.append(gapDigits[digits[0]])
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
