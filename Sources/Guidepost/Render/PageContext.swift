/// What a page is, before it becomes a template context.
struct PageInfo {
    enum Kind: String { case home, category, guide, faq, flowStep = "flow-step", notFound = "not-found", search, categories }

    var kind: Kind
    var title: String
    var description: String
    var path: SitePath
    /// From the home page down to this page's parent.
    var trail: [(name: String, path: SitePath)]
    var noindex = false
    var currentCategory: [String]? = nil
    /// Pages with a flow checker load its script; others stay script-free.
    var hasFlow = false
}

/// Builds the parts of a template context every page shares, so templates can rely on them.
/// What is the same on many pages (the site, the assets, the navigation for each top category,
/// each guide's summary) is made once here and shared.
struct PageContext: Sendable {
    let model: SiteModel
    let theme: Theme
    /// The published search index, for `site.searchIndexURL`.
    let searchIndex: SitePath?
    /// `SiteModel.contentSecurityPolicy` as text, worked out once per build.
    let contentSecurityPolicy: String
    private let site: TemplateValue
    private let assets: TemplateValue
    /// The navigation with no category current, and with each top category current.
    private let nav: TemplateValue
    private let navByCategory: [String: TemplateValue]
    /// Indexed like `model.guides`.
    private let summaries: [TemplateValue]
    /// The fingerprint of each object above, made once: most pages show several of them.
    let known: [ObjectIdentifier: UInt64]

    private var base: BaseURL { model.config.baseURL }

    init(model: SiteModel, theme: Theme, searchIndex: SitePath? = nil) {
        self.model = model
        self.theme = theme
        self.searchIndex = searchIndex
        let base = model.config.baseURL
        let policy = model.contentSecurityPolicy.text
        contentSecurityPolicy = policy
        site = TemplateValue(SiteValues(config: model.config, policy: policy, faqURL: model.faq?.path.href(base),
                                        // The search index, and the page the header's form submits to without JavaScript.
                                        searchIndexURL: searchIndex?.href(base),
                                        searchURL: SearchPage.isRendered(by: theme) ? SearchPage.path.href(base) : nil,
                                        categoriesURL: CategoriesPage.isRendered(by: theme, model: model) ? CategoriesPage.path.href(base) : nil,
                                        brand: BrandURLs(model)))
        assets = TemplateValue(DictionaryValues(theme.assetURLs))
        let top = model.topCategories
        func nav(current: String?) -> TemplateValue {
            TemplateValue(NavValues(categories: top.map { category in
                LinkValues(name: category.name, url: category.sitePath.href(base),
                           flagKey: "isCurrent", flag: current == category.path.first)
            }))
        }
        self.nav = nav(current: nil)
        var navByCategory: [String: TemplateValue] = [:]
        for category in top {
            if let name = category.path.first { navByCategory[name] = nav(current: name) }
        }
        self.navByCategory = navByCategory
        summaries = model.guides.map { guide in
            TemplateValue(GuideSummaryValues(title: guide.title, url: guide.path.href(base), summary: guide.summary))
        }
        var known: [ObjectIdentifier: UInt64] = [:]
        for value in [site, assets, self.nav] + Array(navByCategory.values) + summaries {
            var print = Fingerprint()
            value.fields.fingerprint(into: &print, known: [:])
            known[ObjectIdentifier(value.fields)] = print.value
        }
        self.known = known
    }

    /// The context of `page`, with `specific` as the page kind's keys (compacted here).
    func make(_ page: PageInfo, _ specific: [String: Any]) -> TemplateValue {
        let config = model.config
        let fields = PageFieldValues(
            title: page.title,
            documentTitle: page.kind == .home ? config.title : "\(page.title) – \(config.title)",
            description: page.description.isEmpty ? config.description : page.description,
            url: page.path.href(base), canonical: page.path.canonical(base) ?? "",
            kind: page.kind, noindex: page.noindex, hasFlow: page.hasFlow)
        var breadcrumbs: [TemplateValue]?
        var jsonLD: String?
        if page.kind != .home && page.kind != .notFound {
            let crumbs = page.trail + [(page.title, page.path)]
            breadcrumbs = crumbs.enumerated().map { index, crumb in
                TemplateValue(LinkValues(name: crumb.name, url: crumb.path.href(base), flagKey: "isLast", flag: index == crumbs.count - 1))
            }
            jsonLD = Self.breadcrumbJSON(crumbs.map { ($0.name, $0.path.canonical(base) ?? $0.path.href(base)) })
        }
        return TemplateValue(PageValues(site: site, page: fields, assets: assets, nav: navigation(current: page.currentCategory?.first),
                                        breadcrumbs: breadcrumbs, jsonLD: jsonLD, specific: Self.compacted(specific)))
    }

    private func navigation(current: String?) -> TemplateValue {
        guard let current else { return nav }
        if let shared = navByCategory[current] { return shared }
        return TemplateValue(NavValues(categories: model.topCategories.map { category in
            LinkValues(name: category.name, url: category.sitePath.href(base), flagKey: "isCurrent", flag: current == category.path.first)
        }))
    }

    /// The schema.org BreadcrumbList for `jsonLD`, byte for byte what `JSONSerialization` writes
    /// with sorted keys and unescaped slashes, made safe for a script element; written by hand
    /// because going through `JSONSerialization` cost more than the rest of a page's context.
    static func breadcrumbJSON(_ crumbs: [(name: String, url: String)]) -> String {
        var json = #"{"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":["#
        for (index, crumb) in crumbs.enumerated() {
            if index > 0 { json += "," }
            json += #"{"@type":"ListItem","item":"#
            JSONText.appendQuoted(crumb.url, to: &json)
            json += #","name":"#
            JSONText.appendQuoted(crumb.name, to: &json)
            json += #","position":\#(index + 1)}"#
        }
        json += "]}"
        return JSONText.escapeForHTML(json)
    }

    /// The schema.org Article of a guide, written as `breadcrumbJSON` is (sorted keys, safe for
    /// a script element); `dateModified` only when the date is known.
    static func articleJSON(headline: String, description: String, dateModified: String?) -> String {
        var json = #"{"@context":"https://schema.org","@type":"Article","#
        if let dateModified {
            json += #""dateModified":"#
            JSONText.appendQuoted(dateModified, to: &json)
            json += ","
        }
        json += #""description":"#
        JSONText.appendQuoted(description, to: &json)
        json += #","headline":"#
        JSONText.appendQuoted(headline, to: &json)
        json += "}"
        return JSONText.escapeForHTML(json)
    }

    /// Mustache treats an empty string as true, so `{{#summary}}` would print an empty
    /// paragraph; dropping empty values lets templates test for presence and nothing else.
    static func compacted(_ context: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        result.reserveCapacity(context.count)
        for (key, value) in context {
            switch value {
            case let text as String where text.isEmpty: continue
            case is TemplateValue: result[key] = value
            case let nested as [String: Any]: result[key] = compacted(nested)
            case let list as [[String: Any]]: result[key] = list.map(compacted)
            default: result[key] = value
            }
        }
        return result
    }

    /// The trail for a page inside `category`: Home, then each category level.
    func trail(to category: [String]) -> [(name: String, path: SitePath)] {
        var trail: [(String, SitePath)] = [("Home", .root)]
        for depth in category.indices {
            if let node = model.category(Array(category.prefix(depth + 1))) {
                trail.append((node.name, node.sitePath))
            }
        }
        return trail
    }

    /// `title`, `url` and `summary` of the guide at `index` in `model.guides`.
    func summary(at index: Int) -> TemplateValue { summaries[index] }

    static func capitalized(_ kind: PageInfo.Kind) -> String {
        switch kind {
        case .home: "Home"
        case .category: "Category"
        case .guide: "Guide"
        case .faq: "FAQ"
        case .flowStep: "FlowStep"
        case .notFound: "NotFound"
        case .search: "Search"
        case .categories: "Categories"
        }
    }
}
