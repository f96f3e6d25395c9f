/// How deep a fragment could nest, counted before parsing: gumbo's time grows with the square
/// of the number of elements open at once (a tag checks the whole stack), so a block of
/// 200,000 `<div>`s would stall a build for minutes.
enum NestingEstimate {
    /// An upper bound of the elements open at once: every start tag of a non-void element
    /// opens one and every end tag closes one. Tags the parser closes by itself (`<p><p>`) and
    /// `<` in attribute values count too, so this never says less than the parser will see.
    static func maxDepth(of html: String, stoppingAt limit: Int) -> Int {
        let bytes = Array(html.utf8)
        var depth = 0
        var deepest = 0
        var index = 0
        while index < bytes.count, deepest <= limit {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { continue }
            if bytes[index + 1] == UInt8(ascii: "/") {
                depth = max(0, depth - 1)
                continue
            }
            var end = index + 1
            while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
            guard end > index + 1, isLetter(bytes[index + 1]) else { continue }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self).lowercased()
            if !Allowlist.voidElements.contains(name) {
                depth += 1
                deepest = max(deepest, depth)
            }
            index = end - 1
        }
        return deepest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }
}
