/// An attribute block, `{#id .class key=value}`, as kramdown, Pandoc and help-desk exports
/// write it after a heading or a link (kramdown's `{: …}` too). Guidepost reads the id of a
/// heading; everything else is dropped, and said so unless it only styled the exporter's site.
struct AttributeBlock: Equatable {
    var id: String?
    var classes: [String] = []
    /// `key=value` pairs, as written.
    var attributes: [String] = []

    /// Classes that only styled the site the content came from (an icon after external links):
    /// Guidepost's theme does the same by itself, so dropping them loses nothing a reader sees.
    /// One place, so a class an import brings in is added here.
    static let presentationalClasses: Set<String> = ["link-external", "external-link", "external"]

    /// Reads the text between the braces. Nil when it is not an attribute block: braces in
    /// prose (`{curly}`, `{x=1}`) are left alone, so a block needs an `#id`, a `.class` or
    /// kramdown's leading `:`.
    static func parse(_ inner: Substring) -> AttributeBlock? {
        var text = Substring(undoingSmartPunctuation(inner))
        let kramdown = text.first == ":"
        if kramdown { text.removeFirst() }
        var block = AttributeBlock()
        var sawMarker = kramdown
        for token in tokens(text) {
            if token.first == "#", token.count > 1, block.id == nil {
                block.id = String(token.dropFirst())
                sawMarker = true
            } else if token.first == ".", token.count > 1, token.dropFirst().allSatisfy(isClassCharacter) {
                block.classes.append(String(token.dropFirst()))
                sawMarker = true
            } else if let equals = token.firstIndex(of: "="), equals != token.startIndex {
                block.attributes.append(String(token))
            } else {
                return nil
            }
        }
        return sawMarker && block != AttributeBlock() ? block : nil
    }

    /// Whether `text` is meant as an attribute block even when it does not read as one
    /// (`{#two words}`, `{.}`): then showing it as text deserves a warning.
    static func looksIntended(_ inner: Substring) -> Bool {
        guard let first = inner.first else { return false }
        return first == "#" || first == "." || first == ":"
    }

    /// What is dropped, for a warning; nil when nothing a reader or a link could miss is.
    func droppedDescription(keepingID: Bool) -> String? {
        var dropped: [String] = []
        if !keepingID, let id { dropped.append("the id `#\(id)`") }
        let classes = classes.filter { !Self.presentationalClasses.contains($0) }
        if !classes.isEmpty { dropped.append((classes.count == 1 ? "the class " : "the classes ") + classes.map { "`.\($0)`" }.joined(separator: ", ")) }
        if !attributes.isEmpty { dropped.append(attributes.map { "`\($0)`" }.joined(separator: ", ")) }
        return dropped.isEmpty ? nil : dropped.joined(separator: " and ")
    }

    /// Splits at whitespace outside double quotes: `title="two words"` is one token.
    private static func tokens(_ text: Substring) -> [Substring] {
        var tokens: [Substring] = []
        var start: Substring.Index?
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { quoted.toggle() }
            if character.isWhitespace, !quoted {
                if let begun = start { tokens.append(text[begun..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let begun = start { tokens.append(text[begun...]) }
        return tokens
    }

    private static func isClassCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "-" || character == "_"
    }

    /// The block is markup, not prose: give back the dashes and quotes cmark smartened.
    static func undoingSmartPunctuation(_ text: Substring) -> String {
        var plain = ""
        for character in text {
            switch character {
            case "\u{2013}": plain += "--"
            case "\u{2014}": plain += "---"
            case "\u{2018}", "\u{2019}": plain += "'"
            case "\u{201C}", "\u{201D}": plain += "\""
            case "\u{2026}": plain += "..."
            default: plain.append(character)
            }
        }
        return plain
    }
}
