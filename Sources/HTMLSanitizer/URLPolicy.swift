/// Which `href` and `src` values raw HTML may keep: those of a Markdown link or image.
public enum URLPolicy {
    /// The scheme of `url` as a browser reads it (lowercased), or nil for a relative URL.
    /// Browsers drop tabs and newlines anywhere and ignore leading controls and spaces, so
    /// `" java\tscript:"` is `javascript`; character references are decoded before this.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if scheme.isEmpty, scalar.value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            // A path, query or fragment before any colon: relative.
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            let isLetter = scalar.isASCII && scalar.properties.isAlphabetic
            let isSchemeCharacter = isLetter || (!scheme.isEmpty && scalar.isASCII
                && (("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)))
            // As in a browser's URL parser: a character no scheme holds makes the URL relative,
            // whatever colon comes later (`a b:c`, `Q&A:x.png`).
            if !isSchemeCharacter { return nil }
            scheme.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
        }
        return nil
    }

    /// Whether a link may point at `url`: relative, `http:`, `https:` or `mailto:`.
    public static func allowsLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    /// Whether an image may come from `url`: relative, `http:`, `https:`, or the data URLs of
    /// the image types Markdown images allow.
    public static func allowsImage(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        if ["http", "https"].contains(scheme) { return true }
        guard scheme == "data" else { return false }
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { compact.hasPrefix($0) }
    }
}
