/// The template context of one page: the parts every page has (`site`, `page`, `assets`, `nav`,
/// `breadcrumbs`, `jsonLD`) and the page kind's own (`guide`, `home`, `category`…).
final class PageValues: TemplateRecord, @unchecked Sendable {
    enum Field: String, CaseIterable { case site, page, assets, nav, breadcrumbs, jsonLD }

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

    func value(of field: Field) -> FieldValue {
        switch field {
        case .site: .object(site)
        case .page: .object(page)
        case .assets: .object(assets)
        case .nav: .object(nav)
        case .breadcrumbs: .objects(breadcrumbs)
        case .jsonLD: .text(jsonLD)
        }
    }

    /// Sorted: the order a context is fingerprinted in must not change from run to run.
    var extraKeys: [String] { specific.keys.sorted() }
    func extraValue(named name: String) -> FieldValue? { .any(specific[name]) }
}

/// `site`: the same on every page, so made once per build.
final class SiteValues: TemplateRecord {
    enum Field: String, CaseIterable {
        case title, description, language, baseURL, home, contentSecurityPolicy, faqURL, searchIndexURL, searchURL, support, categoriesURL
        case logoURL, faviconURL, faviconType, ogImage
        case announcement, analytics
    }

    let title, description, language, baseURL, home, contentSecurityPolicy: TemplateText?
    let faqURL, searchIndexURL, searchURL: TemplateText?
    /// The page of every category, for the header on a narrow screen without JavaScript.
    let categoriesURL: TemplateText?
    /// From site.yml's branding (`BrandURLs`); nil when not configured.
    let logoURL, faviconURL, faviconType, ogImage: TemplateText?
    let support: TemplateValue?
    /// From `PageFeatures`: see `FeatureValues`.
    let announcement, analytics: TemplateValue?

    init(config: SiteConfig, policy: String, faqURL: String?, searchIndexURL: String?, searchURL: String?, categoriesURL: String? = nil,
         brand: BrandURLs = BrandURLs()) {
        let base = config.baseURL
        title = templateText(config.title)
        description = templateText(config.description)
        language = templateText(config.language)
        baseURL = templateText(base.isGiven ? base.absolute : base.path)
        home = templateText(SitePath.root.href(base))
        contentSecurityPolicy = templateText(policy)
        self.faqURL = faqURL.flatMap(templateText)
        self.searchIndexURL = searchIndexURL.flatMap(templateText)
        self.searchURL = searchURL.flatMap(templateText)
        self.categoriesURL = categoriesURL.flatMap(templateText)
        logoURL = brand.logo.flatMap(templateText)
        faviconURL = brand.favicon.flatMap(templateText)
        faviconType = config.brand.favicon.map(Branding.imageType).flatMap(templateText)
        ogImage = brand.ogImage.flatMap(templateText)
        support = config.support.map { support in
            TemplateValue(DictionaryValues(["title": support.title, "text": support.text, "url": support.url, "label": support.label]))
        }
        announcement = FeatureValues.announcement(config.features)
        analytics = FeatureValues.analytics(config.features)
    }

    func value(of field: Field) -> FieldValue {
        switch field {
        case .title: .text(title)
        case .description: .text(description)
        case .language: .text(language)
        case .baseURL: .text(baseURL)
        case .home: .text(home)
        case .contentSecurityPolicy: .text(contentSecurityPolicy)
        case .faqURL: .text(faqURL)
        case .searchIndexURL: .text(searchIndexURL)
        case .searchURL: .text(searchURL)
        case .support: .object(support)
        case .categoriesURL: .text(categoriesURL)
        case .logoURL: .text(logoURL)
        case .faviconURL: .text(faviconURL)
        case .faviconType: .text(faviconType)
        case .ogImage: .text(ogImage)
        case .announcement: .object(announcement)
        case .analytics: .object(analytics)
        }
    }
}

/// `page`: what the page is, with `is<Kind>` true for its kind.
final class PageFieldValues: TemplateRecord {
    enum Field: String, CaseIterable { case title, documentTitle, description, url, canonical, kind, noindex, hasFlow }

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

    func value(of field: Field) -> FieldValue {
        switch field {
        case .title: .text(title)
        case .documentTitle: .text(documentTitle)
        case .description: .text(description)
        case .url: .text(url)
        case .canonical: .text(canonical)
        case .kind: .string(kind)
        case .noindex: .flag(noindex)
        case .hasFlow: .flag(hasFlow)
        }
    }

    var extraKeys: [String] { [kindFlag] }
    func extraValue(named name: String) -> FieldValue? { name == kindFlag ? .flag(true) : nil }
}

/// `nav`: the top categories, one marked current; one per top category, shared by its pages.
final class NavValues: TemplateRecord {
    enum Field: String, CaseIterable { case categories }

    let categories: [TemplateValue]

    init(categories: [LinkValues]) {
        self.categories = categories.map(TemplateValue.init)
    }

    func value(of field: Field) -> FieldValue { .objects(categories) }
}

/// `guide.toc` entries.
final class TOCEntryValues: TemplateRecord {
    enum Field: String, CaseIterable { case id, text, level, isSub }

    let id, text: TemplateText?
    let level: Int
    let isSub: Bool

    init(id: String, text: String, level: Int) {
        self.id = templateText(id)
        self.text = templateText(text)
        self.level = level
        isSub = level == 3
    }

    func value(of field: Field) -> FieldValue {
        switch field {
        case .id: .text(id)
        case .text: .text(text)
        case .level: .number(level)
        case .isSub: .flag(isSub)
        }
    }
}
