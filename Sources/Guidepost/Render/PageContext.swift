/// What a page is, before it becomes a template context.
struct PageInfo {
    enum Kind: String { case home, category, guide, faq, flowStep = "flow-step", notFound = "not-found", search }

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
struct PageContext {
    let model: SiteModel
    let theme: Theme
    /// The published search index, for `site.searchIndexURL`.
    var searchIndex: SitePath? = nil

    private var base: BaseURL { model.config.baseURL }

    func make(_ page: PageInfo, _ specific: [String: Any]) -> [String: Any] {
        var context = specific
        let config = model.config
        var site: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "baseURL": base.absolute,
            "home": SitePath.root.href(base),
            "contentSecurityPolicy": HostingFiles.contentSecurityPolicy,
        ]
        if let faq = model.faq { site["faqURL"] = faq.path.href(base) }
        // The search index, and the page the header's form submits to without JavaScript.
        if let searchIndex { site["searchIndexURL"] = searchIndex.href(base) }
        if SearchPage.isRendered(by: theme) { site["searchURL"] = SearchPage.path.href(base) }
        if let support = config.support {
            site["support"] = ["title": support.title, "text": support.text, "url": support.url, "label": support.label]
        }
        context["site"] = site
        var pageContext: [String: Any] = [
            "title": page.title,
            "documentTitle": page.kind == .home ? config.title : "\(page.title) – \(config.title)",
            "description": page.description.isEmpty ? config.description : page.description,
            "url": page.path.href(base),
            "canonical": page.path.absolute(base),
            "kind": page.kind.rawValue,
            "noindex": page.noindex,
            "hasFlow": page.hasFlow,
        ]
        pageContext["is" + Self.capitalized(page.kind)] = true
        context["page"] = pageContext
        context["assets"] = theme.assetURLs
        context["nav"] = ["categories": model.topCategories.map { category in
            [
                "name": category.name,
                "url": category.sitePath.href(base),
                "isCurrent": page.currentCategory?.first == category.path.first,
            ] as [String: Any]
        }]
        if page.kind != .home && page.kind != .notFound {
            let crumbs = page.trail + [(page.title, page.path)]
            context["breadcrumbs"] = crumbs.enumerated().map { index, crumb in
                ["name": crumb.name, "url": crumb.path.href(base), "isLast": index == crumbs.count - 1] as [String: Any]
            }
            context["jsonLD"] = JSONText.encode([
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": crumbs.enumerated().map { index, crumb in
                    ["@type": "ListItem", "position": index + 1, "name": crumb.name, "item": crumb.path.absolute(base)] as [String: Any]
                },
            ])
        }
        return Self.compacted(context)
    }

    /// Mustache treats an empty string as true, so `{{#summary}}` would print an empty
    /// paragraph; dropping empty values lets templates test for presence and nothing else.
    static func compacted(_ context: [String: Any]) -> [String: Any] {
        var result: [String: Any] = [:]
        result.reserveCapacity(context.count)
        for (key, value) in context {
            switch value {
            case let text as String where text.isEmpty: continue
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

    func summary(_ guide: Guide) -> [String: Any] {
        ["title": guide.title, "url": guide.path.href(base), "summary": guide.summary]
    }

    private static func capitalized(_ kind: PageInfo.Kind) -> String {
        switch kind {
        case .home: "Home"
        case .category: "Category"
        case .guide: "Guide"
        case .faq: "FAQ"
        case .flowStep: "FlowStep"
        case .notFound: "NotFound"
        case .search: "Search"
        }
    }
}
