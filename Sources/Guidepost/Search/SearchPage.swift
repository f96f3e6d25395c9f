/// `/search/`: where the header's search form lands without JavaScript. Instant search cannot run
/// there, so the page is honest about it and offers the ways in instead: each category with its
/// guide count, and the FAQ. Not every guide: that list grew with the site (2 MB at 10,000
/// guides), and the category pages list them already; guides in no category, the topics page.
/// With JavaScript, search.js runs the `?q=` query above it.
enum SearchPage {
    static let template = "search"
    static let path = SitePath.page("search")

    /// Themes from before search have no `search.mustache`; they get no page and no `site.searchURL`.
    static func isRendered(by theme: Theme) -> Bool {
        theme.templateNames.contains(template)
    }

    static func info(_ model: SiteModel) -> PageInfo {
        PageInfo(kind: .search, title: "Search", description: "Every topic and the questions in \(model.config.title).",
                 path: path, trail: [("Home", .root)],
                 // A list of links that exists on other pages too; search engines have those.
                 noindex: true)
    }

    /// `search.categories` (the top categories as the categories page has them: `name`, `url`,
    /// `description`, `guideCount`, `guideCountText`, `subcategories`), guides in no category as
    /// the home page has them (`search.uncategorized`, the first few; `search.uncategorizedCount`;
    /// `search.uncategorizedURL`, where all are listed, when there are more), `search.faq`
    /// (`title`, `url`, `questionCount`, `questionCountText`), `search.guideCount` and
    /// `search.questionCount`.
    static func context(_ model: SiteModel, _ context: PageContext, uncategorized: [String: Any]) -> [String: Any] {
        var search: [String: Any] = [
            "categories": CategoriesPage.context(model, uncategorized: [])["categories"] ?? [],
            "guideCount": model.guides.count,
        ]
        search.merge(uncategorized) { _, new in new }
        if let faq = model.faq {
            let count = faq.groups.reduce(0) { $0 + $1.source.document.sections(atLevel: 2).sections.count }
            search["faq"] = ["title": faq.title, "url": faq.path.href(model.config.baseURL), "questionCount": count,
                             "questionCountText": count == 1 ? "1 question" : "\(count) questions"] as [String: Any]
            if count > 0 { search["questionCount"] = count }
        }
        return ["search": search]
    }
}
