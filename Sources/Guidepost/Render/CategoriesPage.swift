/// `/categories/`: every topic on one page. On a phone without JavaScript the header links here
/// instead of showing categories that do not fit; with JavaScript a menu button shows them.
enum CategoriesPage {
    static let template = "categories"
    static let path = SitePath.page("categories")

    /// Only for a site with categories, and a theme that has the template (older themes don't).
    static func isRendered(by theme: Theme, model: SiteModel) -> Bool {
        theme.templateNames.contains(template) && !model.categories.isEmpty
    }

    static func info(_ model: SiteModel) -> PageInfo {
        PageInfo(kind: .categories, title: "All topics", description: "Every topic in \(model.config.title).",
                 path: path, trail: [("Home", .root)])
    }

    /// `categories`: each top category with `name`, `url`, `description`, `guideCount` (nested
    /// ones included), `guideCountText` (the count in words: `1 guide`, `12 guides`) and `subcategories`
    /// (the same, one level down).
    static func context(_ model: SiteModel) -> [String: Any] {
        ["categories": model.topCategories.map { category in
            var top = values(category, model)
            // Only at the top: a template's `{{#subcategories}}` inside a child would find its own.
            top["subcategories"] = category.children.compactMap(model.category).map { values($0, model) }
            return top
        }]
    }

    static func values(_ category: Category, _ model: SiteModel) -> [String: Any] {
        let count = model.guideCount(category)
        return [
            "name": category.name,
            "url": category.sitePath.href(model.config.baseURL),
            "description": category.description,
            "guideCount": count,
            "guideCountText": count == 1 ? "1 guide" : "\(count) guides",
        ]
    }
}

/// The home page lists a few guides of each category, so it stays small however many there are.
enum HomeListing {
    /// The first guides of each category in reading order (`order`, then title).
    static let guidesPerCategory = 5
}

extension SiteModel {
    /// Guides in `category` and every category below it.
    func guideCount(_ category: Category) -> Int {
        category.guides.count + category.children.compactMap(self.category).reduce(0) { $0 + guideCount($1) }
    }
}
