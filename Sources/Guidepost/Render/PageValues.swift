/// The template context of one page: the parts every page has (`site`, `page`, `assets`, `nav`,
/// `breadcrumbs`, `jsonLD`) and the page kind's own (`guide`, `home`, `category`…).
final class PageValues: TemplateFields, @unchecked Sendable {
    // Unchecked: `specific` holds plain values and template objects, built once and never changed.
    let site: TemplateValue
    let page: TemplateValue
    let assets: TemplateValue
    let nav: TemplateValue
    let breadcrumbs: [TemplateValue]?
    let jsonLD: TemplateText?
    /// The kind's keys, compacted; usually one (`guide`, `home`…).
    let specific: [String: Any]

    init(site: TemplateValue, page: PageFieldValues, assets: TemplateValue, nav: TemplateValue,
         breadcrumbs: [TemplateValue]?, jsonLD: String?, specific: [String: Any]) {
        self.site = site
        self.page = TemplateValue(page)
        self.assets = assets
        self.nav = nav
        self.breadcrumbs = breadcrumbs
        self.jsonLD = jsonLD.flatMap(templateText)
        self.specific = specific
    }

    var keys: [String] { ["site", "page", "assets", "nav", "breadcrumbs", "jsonLD"] + specific.keys.sorted() }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        let extra = specific.keys.sorted()
        print.add(6 + extra.count)
        print.field("site")
        print.value(site, known: known)
        print.field("page")
        print.value(page, known: known)
        print.field("assets")
        print.value(assets, known: known)
        print.field("nav")
        print.value(nav, known: known)
        print.field("breadcrumbs")
        print.value(breadcrumbs, known: known)
        print.field("jsonLD")
        print.value(jsonLD)
        for key in extra {
            print.field(key)
            if let value = specific[key] { ContextFingerprint.add(value, to: &print, known: known) } else { print.tag(11) }
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "assets": assets
        case "nav": nav
        case "breadcrumbs": breadcrumbs
        case "jsonLD": jsonLD
        default: specific[name]
        }
    }
}

/// `site`: the same on every page, so made once per build.
final class SiteValues: TemplateFields {
    let title, description, language, baseURL, home, contentSecurityPolicy: TemplateText?
    let faqURL, searchIndexURL, searchURL: TemplateText?
    let support: TemplateValue?

    init(config: SiteConfig, faqURL: String?, searchIndexURL: String?, searchURL: String?) {
        let base = config.baseURL
        title = templateText(config.title)
        description = templateText(config.description)
        language = templateText(config.language)
        baseURL = templateText(base.isGiven ? base.absolute : base.path)
        home = templateText(SitePath.root.href(base))
        contentSecurityPolicy = templateText(HostingFiles.contentSecurityPolicy)
        self.faqURL = faqURL.flatMap(templateText)
        self.searchIndexURL = searchIndexURL.flatMap(templateText)
        self.searchURL = searchURL.flatMap(templateText)
        support = config.support.map { support in
            TemplateValue(DictionaryValues(["title": support.title, "text": support.text, "url": support.url, "label": support.label]))
        }
    }

    var keys: [String] {
        ["title", "description", "language", "baseURL", "home", "contentSecurityPolicy", "faqURL", "searchIndexURL", "searchURL", "support"]
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "language": language
        case "baseURL": baseURL
        case "home": home
        case "contentSecurityPolicy": contentSecurityPolicy
        case "faqURL": faqURL
        case "searchIndexURL": searchIndexURL
        case "searchURL": searchURL
        case "support": support
        default: nil
        }
    }
}

/// `page`: what the page is, with `is<Kind>` true for its kind.
final class PageFieldValues: TemplateFields {
    let title, documentTitle, description, url, canonical: TemplateText?
    /// A `String`: a theme may name a partial after it (`{{>*page.kind}}`).
    let kind: String?
    let noindex, hasFlow: Bool
    let kindFlag: String

    init(title: String, documentTitle: String, description: String, url: String, canonical: String,
         kind: PageInfo.Kind, noindex: Bool, hasFlow: Bool) {
        self.title = templateText(title)
        self.documentTitle = templateText(documentTitle)
        self.description = templateText(description)
        self.url = templateText(url)
        self.canonical = templateText(canonical)
        self.kind = kind.rawValue.isEmpty ? nil : kind.rawValue
        self.noindex = noindex
        self.hasFlow = hasFlow
        kindFlag = "is" + PageContext.capitalized(kind)
    }

    var keys: [String] { ["title", "documentTitle", "description", "url", "canonical", "kind", "noindex", "hasFlow", kindFlag] }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.add(9)
        for (key, text) in [("title", title), ("documentTitle", documentTitle), ("description", description), ("url", url), ("canonical", canonical)] {
            print.field(key)
            print.value(text)
        }
        print.field("kind")
        print.value(kind)
        print.field("noindex")
        print.value(noindex)
        print.field("hasFlow")
        print.value(hasFlow)
        print.field(kindFlag)
        print.value(true)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "url": url
        case "canonical": canonical
        case "kind": kind
        case "noindex": noindex
        case "hasFlow": hasFlow
        case kindFlag: true
        default: nil
        }
    }
}

/// `nav`: the top categories, one marked current; one per top category, shared by its pages.
final class NavValues: TemplateFields {
    let categories: [TemplateValue]

    init(categories: [LinkValues]) {
        self.categories = categories.map(TemplateValue.init)
    }

    var keys: [String] { ["categories"] }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.add(1)
        print.field("categories")
        print.value(categories, known: known)
    }

    func child(named name: String) -> Any? {
        name == "categories" ? categories : nil
    }
}

/// `guide.toc` entries.
final class TOCEntryValues: TemplateFields {
    let id, text: TemplateText?
    let level: Int
    let isSub: Bool

    init(id: String, text: String, level: Int) {
        self.id = templateText(id)
        self.text = templateText(text)
        self.level = level
        isSub = level == 3
    }

    var keys: [String] { ["id", "text", "level", "isSub"] }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.add(4)
        print.field("id")
        print.value(id)
        print.field("text")
        print.value(text)
        print.field("level")
        print.value(level)
        print.field("isSub")
        print.value(isSub)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "level": level
        case "isSub": isSub
        default: nil
        }
    }
}
