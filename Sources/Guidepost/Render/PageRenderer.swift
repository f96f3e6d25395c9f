import GuidepostMarkdown
import Mustache

/// A finished page: its place in the site and its HTML.
struct RenderedPage: Sendable {
    var path: SitePath
    var html: String
    /// False for pages search engines should skip (the 404 page, flow question pages).
    var indexable: Bool
}

/// Step three: turns the site model into HTML pages through the theme's templates.
struct PageRenderer: Sendable {
    let model: SiteModel
    let theme: Theme
    /// Resolved link URLs per source page path, indexed like the page's `links`.
    let links: [String: [String]]
    let flows: [String: CompiledFlow]
    /// Each flow's widget, rendered once and placed on every page that embeds it.
    private let widgets: [String: String]
    /// The search index, whose URL every page passes to search.js.
    let search: SearchIndexFile?

    init(model: SiteModel, theme: Theme, links: [String: [String]], flows: [String: CompiledFlow], search: SearchIndexFile? = nil) {
        self.model = model
        self.theme = theme
        self.links = links
        self.flows = flows
        self.search = search
        let base = model.config.baseURL
        widgets = flows.mapValues { compiled in
            theme.library.render(PageContext.compacted(["flow": FlowViews(compiled: compiled, base: base).widget]),
                                 withTemplate: "partials/flow-widget") ?? ""
        }
    }

    private func flowHTML(_ id: String) -> String { widgets[id] ?? "" }

    private var base: BaseURL { model.config.baseURL }
    private var context: PageContext { PageContext(model: model, theme: theme, searchIndex: search?.path) }

    func renderAll(progress: (BuildProgress) -> Void = { _ in }) -> [RenderedPage] {
        var pages = [renderHome(), renderNotFound()]
        pages += model.categories.map(renderCategory)
        // Guides are most of a site: render them on every core, in batches so a person
        // watching a large build sees it move.
        let total = model.guides.count
        let renderer = self
        for batch in stride(from: 0, to: total, by: 512) {
            let range = batch..<Swift.min(batch + 512, total)
            pages += range.parallelMap { renderer.renderGuide($0) }
            progress(BuildProgress(step: "render", done: range.upperBound, total: total))
        }
        if let faq = model.faq { pages.append(renderFAQ(faq)) }
        // The full list the search form lands on without JavaScript.
        if SearchPage.isRendered(by: theme) {
            pages.append(render(SearchPage.template, SearchPage.info(model), SearchPage.context(model, context)))
        }
        for guide in model.guides {
            pages += guide.aliases.map { RedirectPage.render(to: guide, from: $0, base: base, language: model.config.language) }
        }
        for id in flows.keys.sorted() {
            guard let compiled = flows[id] else { continue }
            for step in FlowViews(compiled: compiled, base: base).stepPages() {
                pages.append(render("flow-step", step.info, step.context))
            }
        }
        return pages
    }

    private func html(for page: SourcePage, omitTitle: Bool) -> HTMLRenderer {
        let urls = links[page.path] ?? []
        let widgets = widgets
        return HTMLRenderer(
            rawHTML: model.config.rawHTML, omitLeadingTitle: omitTitle,
            resolveLink: { urls.indices.contains($0.index) ? urls[$0.index] : $0.destination },
            renderFlow: { widgets[$0.id] ?? "" }
        )
    }

    private func render(_ template: String, _ info: PageInfo, _ specific: [String: Any]) -> RenderedPage {
        let text = theme.library.render(context.make(info, specific), withTemplate: template) ?? ""
        return RenderedPage(path: info.path, html: text, indexable: !info.noindex)
    }

    private func renderHome() -> RenderedPage {
        var home: [String: Any] = [
            "categories": model.topCategories.map { category in
                [
                    "name": category.name,
                    "url": category.sitePath.href(base),
                    "description": category.description,
                    "guides": guides(in: category),
                ] as [String: Any]
            },
            "uncategorized": model.guides.filter { $0.category.isEmpty }.map(context.summary),
        ]
        if let page = model.home {
            home["introHTML"] = html(for: page, omitTitle: true).render(page.document)
        }
        home["flows"] = homeFlows()
        var info = PageInfo(kind: .home, title: model.home?.matter.title ?? model.config.title,
                            description: model.config.description, path: .root, trail: [])
        info.hasFlow = !flows.isEmpty
        return render("home", info, ["home": home])
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

    private func guides(in category: Category) -> [[String: Any]] {
        category.guides.map { context.summary(model.guides[$0]) }
    }

    private func renderCategory(_ category: Category) -> RenderedPage {
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
        return render("category", info, specific)
    }

    private func renderGuide(_ index: Int) -> RenderedPage {
        let guide = model.guides[index]
        let document = guide.source.document
        let toc = document.headings.filter { $0.level == 2 || $0.level == 3 }.map { heading in
            ["id": heading.id, "text": heading.text, "level": heading.level, "isSub": heading.level == 3] as [String: Any]
        }
        var specific: [String: Any] = [
            "title": guide.title,
            "summary": guide.summary,
            // A summary taken from the first paragraph would repeat it right above itself.
            "lead": guide.source.matter.summary ?? "",
            "contentHTML": html(for: guide.source, omitTitle: true).render(document),
            "toc": toc,
            "hasTOC": toc.count >= 2,
            "tags": guide.tags,
            "related": model.related[index].map { context.summary(model.guides[$0]) },
        ]
        if let flow = guide.flow { specific["flowHTML"] = flowHTML(flow) }
        if let category = model.category(guide.category) {
            specific["category"] = ["name": category.name, "url": category.sitePath.href(base)]
            if let position = category.guides.firstIndex(of: index) {
                if position > 0 { specific["previous"] = context.summary(model.guides[category.guides[position - 1]]) }
                if position + 1 < category.guides.count { specific["next"] = context.summary(model.guides[category.guides[position + 1]]) }
                specific["hasPager"] = category.guides.count > 1
            }
        }
        var info = PageInfo(kind: .guide, title: guide.title, description: guide.summary, path: guide.path,
                            trail: context.trail(to: guide.category), currentCategory: guide.category)
        info.hasFlow = !guide.flowIDs.isEmpty
        return render("guide", info, ["guide": specific])
    }

    /// One page for every FAQ file; with more than one, questions are grouped under their
    /// category, the top-level file's questions first.
    private func renderFAQ(_ faq: FAQPage) -> RenderedPage {
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
        return render("faq", info, specific)
    }

    private func renderNotFound() -> RenderedPage {
        let info = PageInfo(kind: .notFound, title: "Page not found", description: "", path: .file("404.html"), trail: [], noindex: true)
        return render("404", info, ["categories": model.topCategories.map { category in
            ["name": category.name, "url": category.sitePath.href(base), "description": category.description] as [String: Any]
        }])
    }
}
