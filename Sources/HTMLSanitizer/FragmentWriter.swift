import GuidepostSupport

/// Walks a parsed fragment and serializes what the policy keeps, escaping every text and
/// attribute value, so nothing the author wrote can open or close markup the writer did not.
struct FragmentWriter {
    let policy: HTMLSanitizer.Policy
    let authored: [Range<Int>]
    let claimID: (String) -> String?

    private var pieces: [SanitizedHTML.Piece] = []
    private var out = ""
    private var text = ""
    private var findings: [HTMLFinding] = []
    var ids: [String] = []
    /// Offsets of the elements left open around the Markdown after the block; nil when it wraps nothing.
    var wrapped: Set<Int>?
    private var openElements: [OpenElement] = []
    /// The piece count at the marker: what follows it is end tags the caller writes later.
    private var cut: Int?

    init(policy: HTMLSanitizer.Policy, authored: [Range<Int>], claimID: @escaping (String) -> String?) {
        self.policy = policy
        self.authored = authored
        self.claimID = claimID
    }

    mutating func result() -> SanitizedHTML {
        flush()
        let kept = cut.map { Array(pieces.prefix($0)) } ?? pieces
        return SanitizedHTML(pieces: kept, text: text, findings: findings, ids: ids, openElements: openElements)
    }

    mutating func report(at offset: Int, _ message: String, hint: String? = nil) {
        findings.append(HTMLFinding(offset: offset, message: message, hint: hint))
    }

    /// `phrasing`: only phrasing elements may stand here. `quiet`: an ancestor was unwrapped
    /// for standing in a paragraph, and that one warning covers what is inside it.
    mutating func write(_ nodes: [HTMLNode], phrasing: Bool, fallbackOffset: Int, quiet: Bool = false, rawText: Bool = false) {
        for node in nodes {
            switch node {
            case .text(let value):
                if rawText { out += value } else { HTMLEscaper.sanitizer.append(value, to: &out) }
                text += value
            case .comment:
                // Comments are notes to other authors; no reader ever saw one.
                break
            case .element(let element):
                write(element, phrasing: phrasing, fallbackOffset: element.offset ?? fallbackOffset, quiet: quiet)
            }
        }
    }

    private mutating func write(_ element: HTMLElement, phrasing: Bool, fallbackOffset offset: Int, quiet: Bool) {
        if element.name == WrappedContent.marker, isGenerated(element) {
            if wrapped != nil {
                flush()
                cut = pieces.count
            }
            return
        }
        let wraps = element.offset.map { wrapped?.contains($0) == true } ?? false
        if wraps { openElements.append(OpenElement(name: element.name, kept: false, offset: offset)) }
        if isGenerated(element) {
            writeKept(element, attributes: generatedAttributes(element), phrasing: phrasing, offset: offset)
            return
        }
        if element.closedImplicitly, element.offset != nil, !wraps, !Allowlist.optionalEndTags.contains(element.name),
           !Allowlist.voidElements.contains(element.name), element.namespace == .html {
            report(at: offset, "`<\(element.name)>` has no `</\(element.name)>` in its HTML block and ends where the block ends",
                   hint: "HTML cannot wrap Markdown: keep the element and its content in one block with no blank line inside, writing the content as HTML.")
        }
        switch policy {
        case .trusted:
            writeKept(element, attributes: trustedAttributes(element, offset: offset), phrasing: false, offset: offset)
        case .sanitized:
            writeSanitized(element, phrasing: phrasing, offset: offset, quiet: quiet)
        }
    }

    private mutating func writeSanitized(_ element: HTMLElement, phrasing: Bool, offset: Int, quiet: Bool) {
        let name = element.name
        if element.namespace != .html || Allowlist.droppedWithContent.contains(name) {
            report(at: offset, "`<\(name)>` was dropped with everything inside it",
                   hint: "raw HTML may not hold scripts, styles, frames, plug-ins, forms or drawings; remove it, or use an image or a link instead.")
            return
        }
        guard Allowlist.elements[name] != nil else {
            report(at: offset, "`<\(name.isEmpty ? "?" : name)>` was dropped; its text is kept",
                   hint: "Guidepost keeps only the HTML elements listed in docs/writing-guides.md; use Markdown or one of those.")
            write(element.children, phrasing: phrasing, fallbackOffset: offset, quiet: quiet)
            return
        }
        if phrasing, !Allowlist.phrasingElements.contains(name) {
            if !quiet {
                report(at: offset, "`<\(name)>` cannot stand inside a paragraph or heading, so only its text is kept",
                       hint: "start the HTML on a line of its own, with a blank line before it.")
            }
            write(element.children, phrasing: true, fallbackOffset: offset, quiet: true)
            return
        }
        guard let attributes = sanitizedAttributes(element, offset: offset) else { return }
        writeKept(element, attributes: attributes, phrasing: phrasing || Allowlist.phrasingContainers.contains(name), offset: offset)
    }

    /// One attribute to write: a value, a URL slot, or a name alone.
    enum Attribute {
        case value(String, String)
        case url(String, URLReference)
        case bare(String)
    }

    private mutating func writeKept(_ element: HTMLElement, attributes: [Attribute], phrasing: Bool, offset: Int) {
        if let index = openElements.lastIndex(where: { $0.offset == offset && $0.name == element.name }) {
            openElements[index].kept = true
        }
        out += "<" + element.name
        for attribute in attributes {
            switch attribute {
            case .value(let name, let value):
                out += " \(name)=\""
                HTMLEscaper.sanitizer.append(value, to: &out)
                out += "\""
            case .url(let name, let reference):
                out += " \(name)=\""
                flush()
                pieces.append(.url(reference))
                out += "\""
            case .bare(let name):
                out += " " + name
            }
        }
        if Allowlist.voidElements.contains(element.name) {
            out += " />"
            if element.name == "br" { text += " " }
            return
        }
        out += ">"
        // The parser drops a newline right after these start tags; write one back so a leading
        // newline of the content survives the next parse.
        if ["pre", "textarea", "listing"].contains(element.name), case .text(let first)? = element.children.first, first.hasPrefix("\n") {
            out += "\n"
        }
        let rawText = Allowlist.rawTextElements.contains(element.name)
        write(element.children, phrasing: phrasing, fallbackOffset: offset, rawText: rawText)
        out += "</\(element.name)>"
        if Allowlist.breaksText(element.name) { text += " " }
    }

    private mutating func flush() {
        guard !out.isEmpty else { return }
        pieces.append(.html(out))
        out = ""
    }

    /// An element the caller wrote: it starts outside the author's ranges, and the parser did
    /// not make it up. Its URLs are the caller's slots.
    private func isGenerated(_ element: HTMLElement) -> Bool {
        guard let offset = element.offset else { return false }
        return !authored.contains { $0.contains(offset) }
    }

    private func generatedAttributes(_ element: HTMLElement) -> [Attribute] {
        element.attributes.map { attribute in
            let isSlot = (element.name == "a" && attribute.name == "href") || (element.name == "img" && attribute.name == "src")
            if isSlot, let slot = Int(attribute.value) {
                let reference = URLReference(url: "", isImage: element.name == "img", offset: element.offset ?? 0, slot: slot)
                return .url(attribute.name, reference)
            }
            return .value(attribute.name, attribute.value)
        }
    }
}
