/// Which attributes of an author's element are written, and how.
extension FragmentWriter {
    /// The attributes the allowlist keeps on `element`; nil when the element itself must go
    /// (an image with no source it may show).
    mutating func sanitizedAttributes(_ element: HTMLElement, offset: Int) -> [Attribute]? {
        let name = element.name
        let allowed = Allowlist.elements[name] ?? []
        var kept: [Attribute] = []
        // `<a name>` is obsolete HTML; as an `id` it is the same link target in valid HTML.
        let nameIsID = name == "a" && element.attribute("id") == nil
        for attribute in element.attributes {
            let key = attribute.name
            if key == "id" || (key == "name" && nameIsID) {
                if let id = claim(attribute.value, offset: offset) { kept.append(.value("id", id)) }
                continue
            }
            guard Allowlist.globalAttributes.contains(key) || (allowed.contains(key) && key != "name") else {
                report(at: offset, "the attribute `\(key)` of `<\(name)>` was dropped: \(Allowlist.reason(forDropping: key))",
                       hint: "remove it; docs/writing-guides.md lists the attributes Guidepost keeps.")
                continue
            }
            if (name == "a" && key == "href") || (name == "img" && key == "src") {
                guard let reference = checkedURL(attribute.value, of: element, offset: offset) else {
                    if name == "img" { return nil }
                    continue
                }
                kept.append(.url(key, reference))
                continue
            }
            guard let value = Allowlist.validValue(key, attribute.value) else {
                report(at: offset, "the attribute `\(key)=\"\(attribute.value)\"` of `<\(name)>` was dropped: it is not a value a browser reads",
                       hint: key == "scope" ? "write `row`, `col`, `rowgroup` or `colgroup`." : "write a whole number.")
                continue
            }
            kept.append(Allowlist.booleanAttributes.contains(key) ? .bare(key) : .value(key, value))
        }
        return name == "img" ? completingImage(kept, offset: offset) : kept
    }

    /// Every attribute as written, except a link or image URL no link may have and an id
    /// already taken.
    mutating func trustedAttributes(_ element: HTMLElement, offset: Int) -> [Attribute] {
        var kept: [Attribute] = []
        for attribute in element.attributes {
            let key = attribute.name
            // A name a serializer cannot write back as one attribute (`"`, `=`, `<`) would
            // become several; no browser reads such a name anyway.
            guard !key.isEmpty, !key.unicodeScalars.contains(where: { "\"'<>=/`".unicodeScalars.contains($0) || $0.value <= 0x20 }) else {
                continue
            }
            if key == "id" {
                if let id = claim(attribute.value, offset: offset) { kept.append(.value("id", id)) }
            } else if element.namespace == .html, (element.name == "a" && key == "href") || (element.name == "img" && key == "src") {
                if let reference = checkedURL(attribute.value, of: element, offset: offset) { kept.append(.url(key, reference)) }
            } else {
                kept.append(attribute.hasValue ? .value(key, attribute.value) : .bare(key))
            }
        }
        return kept
    }

    private mutating func checkedURL(_ url: String, of element: HTMLElement, offset: Int) -> URLReference? {
        let isImage = element.name == "img"
        guard isImage ? URLPolicy.allowsImage(url) : URLPolicy.allowsLink(url) else {
            let scheme = URLPolicy.scheme(of: url).map { "`\($0):`" } ?? "this kind of"
            report(at: offset, isImage
                   ? "`<img>` was dropped: its `src` uses \(scheme) URLs, which images on this site may not"
                   : "the `href` of `<a>` was dropped: \(scheme) links may run code or open local files",
                   hint: isImage ? "use an image file in the content folder or an https: address."
                                 : "link to a relative path, or an http:, https: or mailto: address.")
            return nil
        }
        return URLReference(url: url, isImage: isImage, offset: offset, slot: nil)
    }

    /// An image needs a source and, for valid HTML, alt text; it loads when scrolled to, as
    /// Markdown images do.
    private mutating func completingImage(_ attributes: [Attribute], offset: Int) -> [Attribute]? {
        var kept = attributes
        guard kept.contains(where: { if case .url = $0 { true } else { false } }) else {
            report(at: offset, "`<img>` was dropped: it has no `src`", hint: "add `src=\"picture.png\"` naming the image.")
            return nil
        }
        if !kept.contains(where: { if case .value("alt", _) = $0 { true } else { false } }) { kept.append(.value("alt", "")) }
        kept.append(.value("loading", "lazy"))
        return kept
    }

    /// The id to write, or nil (reported) when it cannot be one.
    private mutating func claim(_ value: String, offset: Int) -> String? {
        let id = value.trimmingASCIISpaces
        guard !id.isEmpty, !id.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "#" }) else {
            report(at: offset, "the id `\(value)` was dropped: an id has no spaces and no `#`",
                   hint: "write one word, for example `id=\"old-heading\"`.")
            return nil
        }
        if let problem = claimID(id) {
            report(at: offset, "the id `\(id)` was dropped: \(problem)", hint: "give the element another id.")
            return nil
        }
        ids.append(id)
        return id
    }

    /// A block of nothing but end tags (the second half of an element split by a blank line)
    /// parses to nothing; say what disappeared.
    mutating func reportStrayEndTags(in input: HTMLSanitizer.Input) {
        for range in input.authored {
            let utf8 = Array(input.html.utf8[input.html.utf8.index(input.html.utf8.startIndex, offsetBy: range.lowerBound)...]
                .prefix(range.count))
            let written = String(decoding: utf8, as: UTF8.self).trimmingASCIISpaces
            guard written.hasPrefix("</") else { continue }
            report(at: range.lowerBound, "`\(written.prefix(40))` closes nothing in its HTML block and was dropped",
                   hint: "HTML cannot wrap Markdown: keep an element and its content in one block with no blank line inside.")
        }
    }
}
