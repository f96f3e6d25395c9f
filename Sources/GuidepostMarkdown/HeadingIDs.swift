/// Hands out heading ids that are unique within one document.
///
/// Linear in the number of headings: each base id remembers the next suffix to try, so the
/// 40,000th heading with the same text does not first try the 39,999 taken before it.
struct HeadingIDs {
    /// Each id handed out, with the position of the heading that has it among the document's headings.
    private var used: [String: Int] = [:]
    private var nextSuffix: [String: Int] = [:]

    /// Returns `base`, or `base-2`, `base-3`… when an earlier heading already has it, and that
    /// earlier heading's position; `heading` is the position of the one asking.
    mutating func claim(_ base: String, heading: Int) -> (id: String, takenBy: Int?) {
        guard let takenBy = used[base] else {
            used[base] = heading
            return (base, nil)
        }
        // A candidate is skipped only when taken; each taken id ends in one number, so it is
        // skipped for one base at most, and the whole document's skipping stays linear.
        var suffix = nextSuffix[base] ?? 2
        var candidate = "\(base)-\(suffix)"
        while used[candidate] != nil {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        nextSuffix[base] = suffix + 1
        used[candidate] = heading
        return (candidate, takenBy)
    }

    /// Takes `id` as it is (an HTML element's id); false when something already has it.
    mutating func claimExactly(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = Self.notAHeading
        return true
    }

    /// `claim(_:heading:)` for an id that is no heading's (a footnote's).
    mutating func claim(_ base: String) -> String {
        claim(base, heading: Self.notAHeading).id
    }

    /// The position recorded for ids that HTML elements and footnotes hold.
    static let notAHeading = -1
}

/// Finds and removes a trailing `{#id}` (or any attribute block) that pins a heading's id.
enum PinnedID {
    struct Extracted {
        var inlines: [Inline]
        var id: String? = nil
        /// What the reader or a link will miss: a dropped class, a block shown as text.
        var warning: (message: String, hint: String)? = nil
    }

    /// The heading's inlines without the attribute block, and the pinned id if there was one.
    static func extract(from inlines: [Inline]) -> Extracted {
        // cmark splits text at punctuation it may smarten, so the block can span several text nodes.
        var firstText = inlines.endIndex
        var joined = ""
        while firstText > inlines.startIndex, case .text(let literal) = inlines[firstText - 1] {
            joined = String(literal.text) + joined
            firstText -= 1
        }
        var body = Substring(joined)
        while body.last?.isWhitespace == true { body.removeLast() }
        // An id may not contain braces, so the block starts at the last "{".
        guard body.hasSuffix("}"), let open = body.lastIndex(of: "{") else { return Extracted(inlines: inlines) }
        let inner = body[body.index(after: open)..<body.index(before: body.endIndex)]
        guard let block = AttributeBlock.parse(inner) else {
            guard AttributeBlock.looksIntended(inner) else { return Extracted(inlines: inlines) }
            return Extracted(inlines: inlines, warning: (
                "`{\(inner)}` at the end of the heading is not an attribute block Guidepost reads, so it shows as text",
                "to pin the heading's id write `{#id}` with no spaces in the id, for example `{#reset-password}`; otherwise escape the brace as `\\{`."))
        }
        // The id also lands in `href="#id"` links (the table of contents, the FAQ index), which
        // must be valid URLs; an id a URL cannot hold as it is is no pin, and shows as text.
        if let id = block.id, !id.unicodeScalars.allSatisfy(isFragmentSafe) {
            return Extracted(inlines: inlines, warning: (
                "the id `#\(id)` holds characters a link cannot point to, so `{\(inner)}` shows as text",
                "use letters, digits, `-` and `_` in the id, for example `{#\(Slug.make(id))}`."))
        }
        var rest = body[..<open]
        while rest.last?.isWhitespace == true { rest.removeLast() }
        var kept = Array(inlines[..<firstText])
        if !rest.isEmpty { kept.append(.text(TextRun(rest))) }
        let warning = block.droppedDescription(keepingID: true).map { dropped in
            ("\(dropped) at the end of the heading \(dropped.contains(" and ") ? "are" : "is") dropped: Guidepost keeps only the heading's `#id`",
             "remove it from the braces; the theme styles every heading alike.")
        }
        return Extracted(inlines: kept, id: block.id, warning: warning)
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
}

