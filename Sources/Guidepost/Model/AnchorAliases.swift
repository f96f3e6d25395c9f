import GuidepostMarkdown

/// The other ways a link may name one of a page's headings: as GitHub writes the anchor
/// (imported content links that way), or as Pandoc does, keeping dots. Each maps to the id
/// Guidepost gave the heading, so such a link resolves to the same heading.
///
/// Built only when a link's anchor is not an id as it is: the usual link never pays for it.
struct AnchorAliases {
    private var aliases: [String: String] = [:]
    private let ids: [String]

    init(headings: [Heading]) {
        ids = headings.map(\.id)
        let taken = Set(ids)
        // GitHub numbers a repeated slug from -1 (`steps`, `steps-1`); Guidepost from -2.
        var seen: [String: Int] = [:]
        for heading in headings {
            for keepDots in [false, true] {
                let base = Self.githubSlug(heading.text, keepingDots: keepDots)
                let count = seen[(keepDots ? "." : "") + base, default: 0]
                seen[(keepDots ? "." : "") + base] = count + 1
                let alias = count == 0 ? base : "\(base)-\(count)"
                if !taken.contains(alias), aliases[alias] == nil { aliases[alias] = heading.id }
            }
        }
    }

    /// The heading id `anchor` means, when it is a GitHub-style or Pandoc-style anchor.
    func id(for anchor: String) -> String? { aliases[anchor] }

    /// The id an author most likely meant by an anchor that names no heading: the same
    /// letters in another case or without accents, or a near miss.
    func suggestion(for anchor: String) -> String? {
        let folded = Slug.make(anchor, fallback: "")
        if let same = ids.first(where: { $0.lowercased() == anchor.lowercased() || (!folded.isEmpty && Slug.make($0, fallback: "") == folded) }) {
            return same
        }
        if let alias = aliases.first(where: { $0.key.lowercased() == anchor.lowercased() })?.value { return alias }
        return EditDistance.closest(to: anchor, in: ids)
    }

    /// GitHub's rule: lower case; drop everything but letters, marks, digits, `_`, `-` and
    /// spaces; each space becomes `-` (so `A & B` is `a--b`).
    static func githubSlug(_ text: String, keepingDots: Bool) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || (keepingDots && scalar == ".") || isWordScalar(scalar) {
                slug.append(scalar)
            }
        }
        return String(slug)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation:
            true
        default:
            false
        }
    }
}

extension LinkResolver {
    /// What a broken anchor's hint can offer: the heading the author most likely meant.
    struct AnchorMiss: Error {
        var suggestion: String?

        /// The exact fix when there is a likely heading, else the page's headings to choose from.
        func hint(ids: Set<String>, writing link: (String) -> String) -> String {
            if let suggestion { return "write `\(link(suggestion))`; anchors must match the heading's id exactly." }
            if ids.isEmpty { return "that page has no headings; link to the page without `#…`." }
            return "its headings are: " + ids.sorted().prefix(12).map { "#" + $0 }.joined(separator: ", ")
        }
    }

    /// The id of the heading `anchor` names, as written or as GitHub or Pandoc would write it.
    /// `aliases[key]` is built the first time a target's anchor is not an id as it is, and kept for
    /// the page's next link to the same target.
    static func heading(_ anchor: String, ids: Set<String>, headings: [Heading], aliases: inout [String: AnchorAliases],
                        key: String) -> Result<String, AnchorMiss> {
        if ids.contains(anchor) { return .success(anchor) }
        let known = aliases[key] ?? AnchorAliases(headings: headings)
        aliases[key] = known
        if let id = known.id(for: anchor) { return .success(id) }
        return .failure(AnchorMiss(suggestion: known.suggestion(for: anchor)))
    }
}
