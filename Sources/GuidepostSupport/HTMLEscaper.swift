/// Escapes text for HTML, on UTF-8 bytes: a text with nothing to escape is handed back as it
/// is, without a copy, and any other is built in one allocation. Each caller picks the set it
/// needs; the sets differ only in what they add to `& < > "`.
///
/// Bytes rather than `Character`s: a special character followed by a combining mark is one
/// grapheme, which a comparison of Characters misses, but a browser reads code points and
/// would see the bare `"` or `<`.
public struct HTMLEscaper: Sendable {
    /// `& < > "`: what cmark escapes in text and attributes, byte for byte.
    public static let cmark = HTMLEscaper(apostrophe: false, noBreakSpace: false)
    /// `& < > " '`, the apostrophe as `&#39;`: swift-mustache's set, and right in both HTML and
    /// XML (the sitemap), where `&apos;` would not be.
    public static let quotes = HTMLEscaper(apostrophe: true, noBreakSpace: false)
    /// cmark's set and U+00A0 as `&nbsp;`: the sanitizer writes back an author's HTML, and
    /// gumbo reads `&nbsp;` as the bare character, which would vanish from sight in the source.
    public static let sanitizer = HTMLEscaper(apostrophe: false, noBreakSpace: true)

    /// Bit `b` is set for each byte `b` below 64 that is escaped.
    private let specialBelow64: UInt64
    /// U+00A0 is the two bytes C2 A0.
    private let noBreakSpace: Bool

    private init(apostrophe: Bool, noBreakSpace: Bool) {
        specialBelow64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | (apostrophe ? 1 << 0x27 : 0)
        self.noBreakSpace = noBreakSpace
    }

    /// `text` escaped; `text` itself when it holds nothing to escape.
    public func escape(_ text: String) -> String {
        if let escaped = text.utf8.withContiguousStorageIfAvailable({ escape(utf8: $0) }) {
            return escaped ?? text
        }
        // Not contiguous (a bridged string): the same, from a copy that is.
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { escape(utf8: $0) } ?? text
    }

    /// Appends `text`, escaped, to `out`.
    public func append<Text: StringProtocol>(_ text: Text, to out: inout String) {
        let escaped: String?? = text.utf8.withContiguousStorageIfAvailable { escape(utf8: $0) }
        switch escaped {
        case .some(.some(let escaped)): out += escaped
        case .some(.none): out.append(contentsOf: text)
        case .none: out += escape(String(text))
        }
    }

    @inline(__always)
    private func mayBeSpecial(_ byte: UInt8) -> Bool {
        byte < 64 ? (specialBelow64 >> UInt64(byte)) & 1 != 0 : noBreakSpace && byte == 0xC2
    }

    /// What the byte at `index` becomes, or nil when it stays; a C2 is special only before A0.
    @inline(__always)
    private func replacement(_ source: UnsafeBufferPointer<UInt8>, at index: Int) -> StaticString? {
        switch source[index] {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        case 0xC2 where index + 1 < source.count && source[index + 1] == 0xA0: "&nbsp;"
        default: nil
        }
    }

    /// The escaped text, or nil when nothing needs escaping.
    private func escape(utf8 source: UnsafeBufferPointer<UInt8>) -> String? {
        var extra = 0, first: Int?
        var index = 0
        while index < source.count {
            if mayBeSpecial(source[index]), let replacement = replacement(source, at: index) {
                first = first ?? index
                // A no-break space replaces two bytes, everything else one.
                extra += replacement.utf8CodeUnitCount - (source[index] == 0xC2 ? 2 : 1)
            }
            index += 1
        }
        guard let first else { return nil }
        return String(unsafeUninitializedCapacity: source.count + extra) { output in
            // Everything before the first special byte in one copy.
            _ = UnsafeMutableBufferPointer(rebasing: output[..<first]).initialize(from: source[..<first])
            var out = first, index = first
            while index < source.count {
                if mayBeSpecial(source[index]), let replacement = replacement(source, at: index) {
                    replacement.withUTF8Buffer { bytes in
                        for byte in bytes { output[out] = byte; out += 1 }
                    }
                    index += source[index] == 0xC2 ? 2 : 1
                } else {
                    output[out] = source[index]
                    out += 1
                    index += 1
                }
            }
            return out
        }
    }
}
