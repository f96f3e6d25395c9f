/// `/categories/`: every topic on one page, then the guides in no category. On a phone without
/// JavaScript the header links here instead of showing categories that do not fit; with
/// JavaScript a menu button shows them. The home page's "See all" for guides in no category
/// links here too.
enum CategoriesPage {
    static let template = "categories"
    static let path = SitePath.page("categories")
    /// The id of the list of guides in no category.
    static let uncategorizedAnchor = "more-guides"

    /// For a site with categories, or with more guides in no category than the home page shows;
    /// and a theme that has the template (older themes don't).
    static func isRendered(by theme: Theme, model: SiteModel) -> Bool {
        theme.templateNames.contains(template)
            && (!model.categories.isEmpty || model.uncategorizedGuides.count > HomeListing.guidesPerCategory)
    }

    static func info(_ model: SiteModel) -> PageInfo {
        let title = model.categories.isEmpty ? "All guides" : "All topics"
        return PageInfo(kind: .categories, title: title, description: "Every topic in \(model.config.title).",
                        path: path, trail: [("Home", .root)])
    }

    /// `categories`: each top category with `name`, `url`, `description`, `guideCount` (nested
    /// ones included), `guideCountText` (the count in words: `1 guide`, `12 guides`) and `subcategories`
    /// (the same, one level down). `uncategorized`: every guide in no category, as summaries.
    static func context(_ model: SiteModel, uncategorized: [TemplateValue]) -> [String: Any] {
        ["categories": model.topCategories.map { category in
            var top = values(category, model)
            // Only at the top: a template's `{{#subcategories}}` inside a child would find its own.
            top["subcategories"] = category.children.compactMap(model.category).map { values($0, model) }
            return top
        }, "uncategorized": uncategorized]
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
    /// Indices of the guides in no category, in reading order.
    var uncategorizedGuides: [Int] {
        guides.indices.filter { guides[$0].category.isEmpty }
    }

    /// Guides in `category` and every category below it.
    func guideCount(_ category: Category) -> Int {
        category.guides.count + category.children.compactMap(self.category).reduce(0) { $0 + guideCount($1) }
    }
}
