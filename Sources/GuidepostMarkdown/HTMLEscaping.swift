/// URLs escaped as cmark's own HTML renderer escapes them, byte for byte; text goes through
/// `HTMLEscaper.cmark`.
enum HTMLEscaping {
    /// Writes a URL for an `href`/`src` attribute the way cmark's `houdini_escape_href` does:
    /// URL characters (and existing `%XX`) pass, `&` and `'` become entities, the rest `%XX`.
    /// Unlike cmark, a `#` after the first becomes `%23`, since a URL holds one fragment.
    static func appendEscapedURL(_ url: String, to out: inout String) {
        let utf8 = url.utf8
        var chunkStart = utf8.startIndex
        var index = chunkStart
        var seenHash = false
        while index != utf8.endIndex {
            let byte = utf8[index]
            let isExtraHash = byte == UInt8(ascii: "#") && seenHash
            if byte == UInt8(ascii: "#") { seenHash = true }
            if !isURLSafe(byte) || isExtraHash {
                out += url[chunkStart..<index]
                switch byte {
                case UInt8(ascii: "&"): out += "&amp;"
                case UInt8(ascii: "'"): out += "&#x27;"
                default:
                    out.unicodeScalars.append("%")
                    out.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                    out.unicodeScalars.append(hexDigits[Int(byte & 0xF)])
                }
                chunkStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += url[chunkStart..<utf8.endIndex]
    }

    private static let hexDigits: [Unicode.Scalar] = Array("0123456789ABCDEF".unicodeScalars)

    /// houdini's HREF_SAFE set: `-_.+!*(),%#@?=;:/$~` and ASCII letters and digits.
    private static func isURLSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"),
             UInt8(ascii: "*"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"),
             UInt8(ascii: "#"), UInt8(ascii: "@"), UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"),
             UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

/// The URL schemes cmark's safe mode refuses, since a click would run code or open local files.
/// Shared by the renderer, the link resolver and `site.yml`'s checks: one place decides.
public enum URLSafety {
    public static func isDangerous(_ url: String) -> Bool {
        let scheme = normalizedStart(of: url)
        func hasPrefix(_ prefix: String) -> Bool { scheme.starts(with: prefix.utf8) }
        if hasPrefix("javascript:") || hasPrefix("vbscript:") || hasPrefix("file:") { return true }
        guard hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: hasPrefix)
    }

    /// What a Markdown link may never point to, in any mode: code (`javascript:`, `vbscript:`),
    /// local files, or a document made from the link's own text (`data:`, images included).
    public static func isRefusedInLinks(_ url: String) -> Bool {
        isDangerous(url) || normalizedStart(of: url).starts(with: "data:".utf8)
    }

    /// `//host/x` names another host though it starts with a slash; browsers read `\` as `/`.
    public static func isProtocolRelative(_ url: String) -> Bool {
        let start = url.utf8.prefix(2).map { $0 == UInt8(ascii: "\\") ? UInt8(ascii: "/") : $0 }
        return start == Array("//".utf8)
    }

    /// The first characters as a browser reads the scheme: it skips leading controls and spaces
    /// and drops tabs and newlines anywhere, so "java\tscript:" must be caught as well.
    private static func normalizedStart(of url: String) -> [UInt8] {
        var scheme: [UInt8] = []
        scheme.reserveCapacity(16)
        for byte in url.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
            if scheme.isEmpty, byte <= 0x20 { continue }
            scheme.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            if scheme.count >= 21 { break }
        }
        return scheme
    }
}
