import GuidepostMarkdown

/// A guide with everything decided: its URL, category and place in the order.
struct Guide: Sendable {
    var source: SourcePage
    var title: String
    var summary: String
    var slug: String
    var path: SitePath
    var category: [String]
    var order: Int?
    var tags: [String]
    var flow: String?
    /// Old URLs that redirect here, so a moved guide keeps its links working.
    var aliases: [SitePath] = []

    /// Flows shown on the page: the one in front matter, then any ```flow blocks.
    var flowIDs: [String] { [flow].compactMap { $0 } + source.document.flows.map(\.id) }
}

struct Category: Sendable {
    var path: [String]
    var name: String { path.last ?? "" }
    var sitePath: SitePath
    var description: String
    /// Indices into `SiteModel.guides`, in reading order.
    var guides: [Int]
    var children: [[String]]
}

/// A page built from one Markdown file that is not a guide (the FAQ, the home intro).
struct SpecialPage: Sendable {
    var source: SourcePage
    var title: String
    var path: SitePath
}

/// Where a static file from content/ lands.
struct PlacedFile: Sendable {
    var source: SourceFile
    var path: SitePath
}

/// The whole site as decided by the model step: what pages exist, at which URLs, in what order.
struct SiteModel: Sendable {
    var config: SiteConfig
    /// Ordered by category order, then `order`, then title.
    var guides: [Guide]
    /// Categories in display order (parents before children).
    var categories: [Category]
    var faq: SpecialPage?
    var home: SourcePage?
    var files: [PlacedFile]
    /// For each guide, the guides to suggest after it (indices into `guides`).
    var related: [[Int]] = []

    func category(_ path: [String]) -> Category? { categories.first { $0.path == path } }
    var topCategories: [Category] { categories.filter { $0.path.count == 1 } }
}
