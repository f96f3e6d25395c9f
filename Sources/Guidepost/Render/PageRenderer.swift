import GuidepostMarkdown
import Mustache

/// A finished page: its place in the site and its HTML.
struct RenderedPage: Sendable {
    var path: SitePath
    var html: String
    /// False for pages search engines should skip (the 404 page, flow question pages).
    var indexable: Bool
}

/// One page to render: where it goes is known before its HTML is made, so the sitemap and the
/// check for clashing paths need no rendering, and a large site can be written as it renders.
struct PageJob: Sendable {
    enum Kind: Sendable {
        case home, notFound, faq, search, categories
        case category(Int)
        case guide(Int)
        case alias(guide: Int, alias: Int)
        case flowStep(flow: String, step: Int)
    }

    var kind: Kind
    var path: SitePath
    var indexable: Bool
    /// The day the page's source last changed, for the sitemap's `<lastmod>`.
    var lastModified: String?
}

/// Step three: turns the site model into HTML pages through the theme's templates.
struct PageRenderer: Sendable {
    private(set) var model: SiteModel
    let theme: Theme
    /// Resolved link URLs per source page path, indexed like the page's `links`.
    private(set) var links: [String: [String]]
    let flows: [String: CompiledFlow]
    /// Each flow's widget, rendered once and placed on every page that embeds it.
    private let widgets: [String: String]
    /// Where the search index is published: every page passes its URL to search.js. Only the
    /// path, never the index itself, so pages can be made before the index is.
    let searchIndex: SitePath?
    /// Made once: what pages share is built here, not per page.
    let context: PageContext
    /// The cache's guides' bodies (`BuildMemo.bodies`), by source path, each taken when its key
    /// matches: a body is made while its page is drafted, so the lookup is made here rather than
    /// around the stage, and a page that is not drafted never needs its body.
    private(set) var bodies: [String: RenderedBody]
    /// The fingerprint of every flow widget and the Markdown options, part of each body's key.
    private let bodyBasis: UInt64

    init(model: SiteModel, theme: Theme, links: [String: [String]], flows: [String: CompiledFlow], searchIndex: SitePath?,
         bodies: [String: RenderedBody] = [:]) {
        self.model = model
        self.theme = theme
        self.links = links
        self.flows = flows
        self.searchIndex = searchIndex
        let base = model.config.baseURL
        widgets = flows.mapValues { compiled in
            theme.library.render(PageContext.compacted(["flow": FlowViews(compiled: compiled, base: base).widget]),
                                 withTemplate: "partials/flow-widget") ?? ""
        }
        context = PageContext(model: model, theme: theme, searchIndex: searchIndex)
        self.bodies = bodies
        var basis = Fingerprint()
        basis.tag(model.config.rawHTML.tag)
        for id in widgets.keys.sorted() {
            basis.add(id)
            basis.add(widgets[id] ?? "")
        }
        bodyBasis = basis.value
    }

    /// This renderer for a model whose guides changed only in their bodies (`SiteReuse`):
    /// what pages share (the context, the widgets) is kept, since nothing in it changed.
    func updating(model: SiteModel, links: [String: [String]], bodies: [String: RenderedBody]) -> PageRenderer {
        var renderer = self
        renderer.model = model
        renderer.links = links
        renderer.bodies = bodies
        return renderer
    }

    /// A guide's body HTML, reused from `bodies` when nothing it is made from changed.
    private func body(of guide: Guide) -> RenderedBody {
        let urls = links[guide.source.path] ?? []
        var key = Fingerprint()
        key.add(bodyBasis)
        key.add(guide.source.contentHash)
        key.add(urls.count)
        for url in urls { key.add(url) }
        if let kept = bodies[guide.source.path], kept.key == key.value { return kept }
        let html = html(for: guide.source, omitTitle: true).render(guide.source.document)
        return RenderedBody(key: key.value, html: TemplateText(html, print: Fingerprint.of(html)))
    }

    private func flowHTML(_ id: String) -> String { widgets[id] ?? "" }

    private var base: BaseURL { model.config.baseURL }

    /// Every page of the site. The pages that list the whole site (home, search, categories)
    /// come first, so on many cores they are not the last to finish.
    func jobs() -> [PageJob] {
        var jobs = [PageJob(kind: .home, path: .root, indexable: true)]
        if SearchPage.isRendered(by: theme) { jobs.append(PageJob(kind: .search, path: SearchPage.path, indexable: false)) }
        if CategoriesPage.isRendered(by: theme, model: model) {
            jobs.append(PageJob(kind: .categories, path: CategoriesPage.path, indexable: true))
        }
        jobs += model.categories.indices.map { PageJob(kind: .category($0), path: model.categories[$0].sitePath, indexable: true) }
        if let faq = model.faq { jobs.append(PageJob(kind: .faq, path: faq.path, indexable: true)) }
        jobs.append(PageJob(kind: .notFound, path: Self.notFoundPath, indexable: false))
        jobs += model.guides.indices.map {
            PageJob(kind: .guide($0), path: model.guides[$0].path, indexable: true, lastModified: model.guides[$0].updated)
        }
        for (index, guide) in model.guides.enumerated() {
            jobs += guide.aliases.indices.map { PageJob(kind: .alias(guide: index, alias: $0), path: guide.aliases[$0], indexable: false) }
        }
        for id in flows.keys.sorted() {
            guard let compiled = flows[id] else { continue }
            let views = FlowViews(compiled: compiled, base: base)
            for step in 0..<views.pageCount {
                let info = views.stepPage(step).info
                jobs.append(PageJob(kind: .flowStep(flow: id, step: step), path: info.path, indexable: !info.noindex))
            }
        }
        return jobs
    }

    func render(_ job: PageJob) -> RenderedPage { render(draft(job)) }

    /// What `job`'s page is made of, short of running the template: enough to tell whether it
    /// would come out as it did last time (`PageDraft.key`).
    func draft(_ job: PageJob) -> PageDraft {
        switch job.kind {
        case .home: return draftHome()
        case .notFound: return draftNotFound()
        case .faq: return model.faq.map(draftFAQ) ?? .finished(RenderedPage(path: job.path, html: "", indexable: job.indexable))
        case .search: return draft(SearchPage.template, SearchPage.info(model), SearchPage.context(model, context, uncategorized: uncategorizedListing()))
        case .categories:
            return draft(CategoriesPage.template, CategoriesPage.info(model),
                         CategoriesPage.context(model, uncategorized: model.uncategorizedGuides.map(context.summary(at:))))
        case .category(let index): return draftCategory(model.categories[index])
        case .guide(let index): return draftGuide(index)
        case .alias(let guide, let alias):
            let guide = model.guides[guide]
            return .finished(RedirectPage.render(to: guide, from: guide.aliases[alias], base: base, language: model.config.language,
                                                        policy: context.contentSecurityPolicy))
        case .flowStep(let id, let step):
            guard let compiled = flows[id] else { return .finished(RenderedPage(path: job.path, html: "", indexable: job.indexable)) }
            let page = FlowViews(compiled: compiled, base: base).stepPage(step)
            return draft("flow-step", page.info, page.context)
        }
    }

    /// The draft's key (`PageDraft.key`) with this build's theme and shared objects.
    func key(_ draft: PageDraft) -> UInt64 {
        draft.key(theme: theme.fingerprint, known: context.known)
    }

    func render(_ draft: PageDraft) -> RenderedPage {
        switch draft.content {
        case .finished(let html):
            return RenderedPage(path: draft.path, html: html, indexable: draft.indexable)
        case .template(let name, let context):
            return RenderedPage(path: draft.path, html: theme.library.render(context, withTemplate: name) ?? "", indexable: draft.indexable)
        }
    }

    private static let notFoundPath = SitePath.file("404.html")

    private func html(for page: SourcePage, omitTitle: Bool) -> HTMLRenderer {
        let urls = links[page.path] ?? []
        let widgets = widgets
        return HTMLRenderer(
            omitLeadingTitle: omitTitle,
            resolveLink: { urls.indices.contains($0.index) ? urls[$0.index] : $0.destination },
            renderFlow: { widgets[$0.id] ?? "" }
        )
    }

    private func draft(_ template: String, _ info: PageInfo, _ specific: [String: Any]) -> PageDraft {
        .template(name: template, context: context.make(info, specific), path: info.path, indexable: !info.noindex)
    }

    private func draftHome() -> PageDraft {
        var home: [String: Any] = [
            "categories": model.topCategories.map { category in
                [
                    "name": category.name,
                    "url": category.sitePath.href(base),
                    "description": category.description,
                    "guides": category.guides.prefix(HomeListing.guidesPerCategory).map(context.summary(at:)),
                    "guideCount": model.guideCount(category),
                    "hasMore": model.guideCount(category) > min(category.guides.count, HomeListing.guidesPerCategory),
                ] as [String: Any]
            },
        ]
        home.merge(uncategorizedListing()) { $1 }
        if let page = model.home {
            home["introHTML"] = html(for: page, omitTitle: true).render(page.document)
        }
        home["flows"] = homeFlows()
        var info = PageInfo(kind: .home, title: model.home?.matter.title ?? model.config.title,
                            description: model.config.description, path: .root, trail: [])
        info.hasFlow = !flows.isEmpty
        return draft("home", info, ["home": home])
    }

    /// The first guides in no category, like a category's on the home page (and the search page),
    /// and where the rest are listed: `uncategorized`, `uncategorizedCount`, `uncategorizedURL`
    /// (only when there are more).
    private func uncategorizedListing() -> [String: Any] {
        let all = model.uncategorizedGuides
        var values: [String: Any] = [
            "uncategorized": all.prefix(HomeListing.guidesPerCategory).map(context.summary(at:)),
            "uncategorizedCount": all.count,
        ]
        if all.count > HomeListing.guidesPerCategory, CategoriesPage.isRendered(by: theme, model: model) {
            values["uncategorizedURL"] = CategoriesPage.path.href(base) + "#" + CategoriesPage.uncategorizedAnchor
        }
        return values
    }

    /// Flows named by guides, in guide order, each once: the home page leads with them, since a
    /// stuck reader's first need is to find which fix applies.
    private func homeFlows() -> [[String: Any]] {
        var seen: Set<String> = []
        var result: [[String: Any]] = []
        for guide in model.guides {
            for id in guide.flowIDs where !seen.contains(id) {
                guard let compiled = flows[id] else { continue }
                seen.insert(id)
                result.append([
                    "id": id, "title": compiled.flow.title, "intro": compiled.flow.intro,
                    "url": compiled.entryPath.href(base), "widgetHTML": flowHTML(id),
                ])
            }
        }
        return result
    }

    private func guides(in category: Category) -> [TemplateValue] {
        category.guides.map(context.summary(at:))
    }

    private func draftCategory(_ category: Category) -> PageDraft {
        let specific: [String: Any] = ["category": [
            "name": category.name,
            "description": category.description,
            "url": category.sitePath.href(base),
            "guides": guides(in: category),
            "subcategories": category.children.compactMap(model.category).map { child in
                ["name": child.name, "url": child.sitePath.href(base), "description": child.description] as [String: Any]
            },
        ] as [String: Any]]
        let info = PageInfo(kind: .category, title: category.name,
                            description: category.description.isEmpty ? "Guides about \(category.name)." : category.description,
                            path: category.sitePath, trail: context.trail(to: Array(category.path.dropLast())),
                            currentCategory: category.path)
        return draft("category", info, specific)
    }

    private func draftGuide(_ index: Int) -> PageDraft {
        let guide = model.guides[index]
        let document = guide.source.document
        let toc = document.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
            TOCEntryValues(id: heading.id, text: heading.text, level: heading.level)
        }
        var categoryLink: LinkValues?
        var previous: TemplateValue?, next: TemplateValue?, hasPager: Bool?
        if let category = model.category(guide.category) {
            categoryLink = LinkValues(name: category.name, url: category.sitePath.href(base))
            if let position = category.guides.firstIndex(of: index) {
                if position > 0 { previous = context.summary(at: category.guides[position - 1]) }
                if position + 1 < category.guides.count { next = context.summary(at: category.guides[position + 1]) }
                hasPager = category.guides.count > 1
            }
        }
        let body = body(of: guide)
        let values = GuideValues(
            title: guide.title,
            summary: guide.summary,
            // A summary taken from the first paragraph would repeat it right above itself.
            lead: guide.source.matter.summary ?? "",
            contentHTML: body.html,
            flowHTML: guide.flow.map(flowHTML),
            toc: toc, tags: guide.tags,
            related: model.related[index].map(context.summary(at:)),
            category: categoryLink, previous: previous, next: next, hasPager: hasPager, updated: guide.updated,
            jsonLD: PageContext.articleJSON(headline: guide.title, description: guide.summary, dateModified: guide.updated))
        var info = PageInfo(kind: .guide, title: guide.title, description: guide.summary, path: guide.path,
                            trail: context.trail(to: guide.category), currentCategory: guide.category)
        info.hasFlow = !guide.flowIDs.isEmpty
        var specific: [String: Any] = ["guide": TemplateValue(values)]
        specific["feedback"] = FeatureValues.feedback(model.config, guide: guide)
        var draft = draft("guide", info, specific)
        draft.body = (guide.source.path, body)
        return draft
    }

    /// One page for every FAQ file; with more than one, questions are grouped under their
    /// category, the top-level file's questions first.
    private func draftFAQ(_ faq: FAQPage) -> PageDraft {
        let main = faq.main
        let (preamble, _) = main.document.sections(atLevel: 2)
        let intro = preamble.filter { if case .heading(let heading, _) = $0 { heading.level != 1 } else { true } }
        // Grouped questions sit under their group's h2, so they become h3.
        let questionTag = faq.groups.count > 1 ? "h3" : "h2"
        let groups: [[String: Any]] = faq.groups.map { group in
            let renderer = html(for: group.source, omitTitle: true)
            let name = group.category.isEmpty ? "General" : (model.category(group.category)?.name ?? group.category.last ?? "")
            return [
                "name": name,
                "id": "faq-" + Slug.make(group.category.isEmpty ? "general" : CategoryPath.display(group.category), fallback: "group"),
                "questions": group.source.document.sections(atLevel: 2).sections.map { section in
                    ["id": section.heading.id, "question": section.heading.text, "tag": questionTag,
                     "answerHTML": renderer.render(section.blocks)] as [String: Any]
                },
            ]
        }
        let specific: [String: Any] = ["faq": [
            "title": faq.title,
            "introHTML": html(for: main, omitTitle: true).render(intro),
            "questions": groups.flatMap { $0["questions"] as? [[String: Any]] ?? [] },
            "groups": groups,
            "isGrouped": groups.count > 1,
        ] as [String: Any]]
        let info = PageInfo(kind: .faq, title: faq.title, description: main.matter.summary ?? main.document.summary ?? "",
                            path: faq.path, trail: [("Home", .root)])
        return draft("faq", info, specific)
    }

    private func draftNotFound() -> PageDraft {
        let info = PageInfo(kind: .notFound, title: "Page not found", description: "", path: Self.notFoundPath, trail: [], noindex: true)
        return draft("404", info, ["categories": model.topCategories.map { category in
            ["name": category.name, "url": category.sitePath.href(base), "description": category.description] as [String: Any]
        }])
    }
}
