/// `/search/`: where the header's search form lands without JavaScript. Instant search cannot run
/// there, so the page is honest about it and lists every guide and FAQ question instead; with
/// JavaScript, search.js runs the `?q=` query above the list.
enum SearchPage {
    static let template = "search"
    static let path = SitePath.page("search")

    /// Themes from before search have no `search.mustache`; they get no page and no `site.searchURL`.
    static func isRendered(by theme: Theme) -> Bool {
        theme.templateNames.contains(template)
    }

    static func info(_ model: SiteModel) -> PageInfo {
        PageInfo(kind: .search, title: "Search", description: "Every guide and question in \(model.config.title).",
                 path: path, trail: [("Home", .root)],
                 // A list of links that exists on other pages too; search engines have those.
                 noindex: true)
    }

    /// `search.categories` (each category with guides, nested ones named in full: `name`, `url`,
    /// `guides`), `search.uncategorized`, `search.faq` (`title`, `url`, `questions`: `question`,
    /// `url`), `search.guideCount` and `search.questionCount`.
    static func context(_ model: SiteModel, _ context: PageContext) -> [String: Any] {
        let base = model.config.baseURL
        var search: [String: Any] = [
            "categories": model.categories.filter { !$0.guides.isEmpty }.map { category in
                [
                    "name": CategoryPath.display(category.path),
                    "url": category.sitePath.href(base),
                    "guides": category.guides.map(context.summary(at:)),
                ] as [String: Any]
            },
            "uncategorized": model.guides.indices.filter { model.guides[$0].category.isEmpty }.map(context.summary(at:)),
            "guideCount": model.guides.count,
        ]
        if let faq = model.faq {
            let questions = faq.groups.flatMap { $0.source.document.sections(atLevel: 2).sections }.map { section in
                ["question": section.heading.text, "url": faq.path.href(base) + "#" + section.heading.id]
            }
            search["faq"] = ["title": faq.title, "url": faq.path.href(base), "questions": questions] as [String: Any]
            if !questions.isEmpty { search["questionCount"] = questions.count }
        }
        return ["search": search]
    }
}
