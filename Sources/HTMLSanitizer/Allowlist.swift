/// What the sanitizer keeps: GitHub's choice, less what a page of this site cannot use (inline
/// styles, classes of another theme, `cite` URLs that nothing checks). docs/writing-guides.md
/// lists the same; change both together.
enum Allowlist {
    /// Elements kept, with the attributes each may keep besides `globalAttributes`.
    static let elements: [String: Set<String>] = {
        var elements: [String: Set<String>] = [:]
        for name in flowElements.union(phrasingElements) { elements[name] = [] }
        elements["a"] = ["href", "name"]
        elements["img"] = ["src", "alt", "width", "height"]
        elements["td"] = ["colspan", "rowspan"]
        elements["th"] = ["colspan", "rowspan", "scope"]
        elements["col"] = ["span"]
        elements["colgroup"] = ["span"]
        elements["ol"] = ["start", "reversed"]
        elements["li"] = ["value"]
        elements["details"] = ["open"]
        return elements
    }()

    static let globalAttributes: Set<String> = ["id", "title", "lang"]

    /// Attributes whose presence is their value.
    static let booleanAttributes: Set<String> = ["open", "reversed"]

    /// Elements that may stand in a paragraph or a heading.
    static let phrasingElements: Set<String> = [
        "a", "abbr", "b", "bdi", "br", "cite", "code", "del", "dfn", "em", "i", "img", "ins", "kbd", "mark",
        "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "u", "var", "wbr",
    ]

    static let flowElements: Set<String> = [
        "p", "div", "blockquote", "pre", "hr", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "figure", "figcaption",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    ]

    /// Kept elements whose own content may only be phrasing content.
    static let phrasingContainers: Set<String> = phrasingElements
        .subtracting(["a", "del", "ins"])
        .union(["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "summary"])

    /// Dropped with everything inside them: their content is code, a plug-in, a form control or
    /// a drawing, never text for a reader.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "applet", "noscript", "noembed", "noframes", "template",
        "textarea", "select", "option", "optgroup", "datalist", "svg", "math", "title", "xmp", "plaintext",
        "frameset", "frame", "head", "meta", "link", "base", "input", "canvas", "video", "audio", "source", "track",
        "param", "area", "map", "dialog", "portal", "slot",
    ]

    /// Elements written without an end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "keygen", "param", "basefont", "bgsound", "frame",
    ]

    /// Elements whose end tag HTML lets an author leave out; closing them implicitly is normal.
    static let optionalEndTags: Set<String> = [
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "option", "optgroup", "rb", "rt", "rp", "rtc", "html", "head", "body",
    ]

    /// Whose text a serializer writes as it is (escaping would change the code).
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]

    /// Elements that start a new line of text, for the plain text of a fragment.
    static func breaksText(_ name: String) -> Bool {
        name == "br" || (flowElements.contains(name) && !["col", "colgroup"].contains(name))
    }

    /// Why an attribute the allowlist does not keep was dropped, for the author.
    static func reason(forDropping attribute: String) -> String {
        if attribute.hasPrefix("on") { return "event handlers never run on this site" }
        switch attribute {
        case "style": return "inline styles are blocked by the site's Content-Security-Policy; the theme styles the page"
        case "class": return "the theme's classes are the theme's own"
        case "align", "valign", "bgcolor", "border", "cellpadding", "cellspacing", "width", "height":
            return "presentation comes from the theme"
        default: return "Guidepost keeps only the attributes listed in docs/writing-guides.md"
        }
    }

    /// A value the attribute may hold, or nil when it holds one a browser would not read.
    static func validValue(_ attribute: String, _ value: String) -> String? {
        switch attribute {
        case "colspan", "rowspan", "span", "width", "height", "start", "value":
            let digits = value.trimmingASCIISpaces
            guard !digits.isEmpty, digits.count <= 6, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                return attribute == "start" || attribute == "value" ? signedInteger(value) : nil
            }
            if ["colspan", "rowspan", "span"].contains(attribute), Int(digits) == 0, attribute != "rowspan" { return nil }
            return digits
        case "scope":
            let scope = value.trimmingASCIISpaces.lowercased()
            return ["row", "col", "rowgroup", "colgroup"].contains(scope) ? scope : nil
        case "open", "reversed":
            return ""
        default:
            return value
        }
    }

    private static func signedInteger(_ value: String) -> String? {
        let text = value.trimmingASCIISpaces
        guard text.first == "-", text.count > 1, text.count <= 7,
              text.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return text
    }
}

extension String {
    /// Without the spaces HTML allows around attribute values (space, tab, newlines, form feed).
    var trimmingASCIISpaces: String {
        let isSpace: (Character) -> Bool = { [" ", "\t", "\n", "\r", "\u{0C}"].contains($0) }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
