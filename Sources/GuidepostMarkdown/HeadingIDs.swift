/// Hands out heading ids that are unique within one document.
struct HeadingIDs {
    private var used: Set<String> = []

    /// Returns `base`, or `base-2`, `base-3`… when an earlier heading already has it.
    mutating func claim(_ base: String) -> String {
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// Finds and removes a trailing ` {#id}` that pins a heading's id.
enum PinnedID {
    /// The heading's inlines without the pin, and the pinned id if there was one.
    static func extract(from inlines: [Inline]) -> (inlines: [Inline], id: String?) {
        // cmark splits text at punctuation it may smarten, so the pin can span several text nodes.
        var firstText = inlines.endIndex
        var joined = ""
        while firstText > inlines.startIndex, case .text(let literal) = inlines[firstText - 1] {
            joined = String(literal.text) + joined
            firstText -= 1
        }
        var body = Substring(joined)
        while body.last?.isWhitespace == true { body.removeLast() }
        // The id may not contain braces, so the pin starts at the last "{".
        guard body.hasSuffix("}"),
              let open = body.lastIndex(of: "{"),
              body[open...].hasPrefix("{#"),
              open > body.startIndex,
              body[body.index(before: open)].isWhitespace
        else { return (inlines, nil) }
        let id = body[body.index(open, offsetBy: 2)..<body.index(before: body.endIndex)]
        guard !id.isEmpty, !id.contains(where: { $0.isWhitespace || $0 == "}" }) else {
            return (inlines, nil)
        }
        let plain = undoingSmartPunctuation(id)
        // The id also lands in `href="#id"` links (the table of contents, the FAQ index), which
        // must be valid URLs; an id a URL cannot hold as it is is no pin, and shows as text.
        guard plain.unicodeScalars.allSatisfy(isFragmentSafe) else { return (inlines, nil) }
        var rest = body[..<open]
        while rest.last?.isWhitespace == true { rest.removeLast() }
        var kept = Array(inlines[..<firstText])
        if !rest.isEmpty { kept.append(.text(TextRun(rest))) }
        return (kept, plain)
    }

    /// The URL code points: ASCII letters and digits, `!$&'()*+,-./:;=?@_~`, and any
    /// non-ASCII character that is neither a control nor a space.
    private static func isFragmentSafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "!$&'()*+,-./:;=?@_~".unicodeScalars.contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
            return false
        default:
            return !scalar.properties.isNoncharacterCodePoint
        }
    }

    /// The id is an identifier, not prose: give back the dashes and quotes cmark smartened.
    static func undoingSmartPunctuation(_ id: Substring) -> String {
        var plain = ""
        for character in id {
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
