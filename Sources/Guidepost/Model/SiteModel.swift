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
    /// When it last changed (`YYYY-MM-DD`): front matter's `updated:`, else git's; nil when unknown.
    var updated: String?
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

/// The FAQ page: every `layout: faq` file, grouped by category on one page at `/faq/`.
struct FAQPage: Sendable {
    struct Group: Sendable {
        var source: SourcePage
        /// Empty for the FAQ file at the top of content/.
        var category: [String]
    }

    var title: String
    var path: SitePath
    /// Ordered: the top-level FAQ first, then by category order.
    var groups: [Group]

    /// The file whose title, intro and summary the page uses: the top-level one if there is one.
    var main: SourcePage { (groups.first { $0.category.isEmpty } ?? groups[0]).source }
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
    var faq: FAQPage?
    var home: SourcePage?
    var files: [PlacedFile]
    /// Paths of the pages left out as drafts.
    var drafts: Set<String> = []
    /// For each guide, the guides to suggest after it (indices into `guides`).
    var related: [[Int]] = []

    func category(_ path: [String]) -> Category? { categories.first { $0.path == path } }

    /// The policy every page and `_headers` carry: the strict one plus what the settings and
    /// the pages' videos need. Computed, not stored, so an in-place rebuild that adds a video sees it.
    var contentSecurityPolicy: ContentSecurityPolicy {
        let pages = guides.map(\.source) + (faq?.groups.map(\.source) ?? []) + [home].compactMap { $0 }
        return .site(config, videos: pages.flatMap(\.document.videos))
    }
    var topCategories: [Category] { categories.filter { $0.path.count == 1 } }
}
