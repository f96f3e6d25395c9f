import Foundation
import GuidepostSupport

/// JSON that is safe to place inside an HTML `<script>` data block: `<`, `>` and `&` are
/// written as escapes so no value can close the element or open a comment.
enum JSONText {
    /// A JSON string exactly as `JSONSerialization` writes it (`"`, `\` and controls escaped,
    /// `/` and non-ASCII as they are), for JSON assembled by hand where it is written on every page.
    static func appendQuoted(_ text: String, to json: inout String) {
        json += "\""
        let utf8 = text.utf8
        var chunkStart = utf8.startIndex
        var index = chunkStart
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                json += text[chunkStart..<index]
                switch byte {
                case UInt8(ascii: "\""): json += "\\\""
                case UInt8(ascii: "\\"): json += "\\\\"
                case 0x08: json += "\\b"
                case 0x09: json += "\\t"
                case 0x0A: json += "\\n"
                case 0x0C: json += "\\f"
                case 0x0D: json += "\\r"
                default:
                    let hex = String(byte, radix: 16)
                    json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                chunkStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        json += text[chunkStart..<utf8.endIndex]
        json += "\""
    }

    static func escapeForHTML(_ json: String) -> String {
        // Most JSON has none of these (U+2028 and U+2029 start with the byte E2): no copy then.
        guard json.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") || $0 == 0xE2 })
        else { return json }
        return json.replacingScalars { scalar in
            switch scalar {
            case "<": "\\u003c"
            case ">": "\\u003e"
            case "&": "\\u0026"
            case "\u{2028}": "\\u2028"
            case "\u{2029}": "\\u2029"
            default: nil
            }
        }
    }
}
