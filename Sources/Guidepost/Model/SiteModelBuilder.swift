import Foundation
import GuidepostMarkdown

/// Step two: decides every page's URL, category and order, and rejects what cannot be placed
/// (no title, a URL two files want, a slug that would leave the site).
struct SiteModelBuilder {
    let content: LoadedContent
    /// Each file's last change by content path (`LastModifiedSource`), for guides without `updated:`.
    var lastModified: [String: String] = [:]

    /// The site as decided; `related` computes each guide's related guides
    /// (`RelatedGuides.compute`, or the cache's lookup around it, `BuildMemo.related(_:)`).
    func build(related: ([Guide]) -> [[Int]] = { RelatedGuides.compute($0) }) throws(BuildErrors) -> SiteModel {
        var log = ErrorLog()
        var guides: [Guide] = []
        var faqSources: [SourcePage] = []
        var home: SourcePage?
        var claims = URLClaims()

        for page in content.pages {
            switch page.matter.layout {
            case .home:
                home = page
            case .faq:
                faqSources.append(page)
            case .guide where page.path == "index.md":
                home = page
            case .guide:
                do {
                    var guide = try makeGuide(page)
                    guide.aliases = try page.matter.aliases.map { alias throws(BuildError) in
                        try Self.aliasPath(alias, page: page)
                    }
                    claims.claim(guide.path, by: page.displayPath, line: page.matter.lines["slug"])
                    guides.append(guide)
                } catch {
                    log.add(error)
                }
            }
        }

        let order = CategoryOrder(config: content.config)
        guides = Self.sorted(guides, by: order)
        let categories = makeCategories(guides: guides, order: order, claims: &claims)
        let faq = makeFAQ(faqSources, order: order, claims: &claims, log: &log)
        // Aliases are claimed last so a clash names the page that really lives at the URL.
        for guide in guides {
            for alias in guide.aliases {
                claims.claim(alias, by: guide.source.displayPath, line: guide.source.matter.lines["aliases"])
            }
        }
        let files = content.files.map { file in
            let placed = PlacedFile(source: file, path: Self.mediaPath(for: file.path))
            claims.claim(placed.path, by: file.displayPath, line: nil)
            return placed
        }
        log.add(contentsOf: claims.conflicts)
        try log.check()
        var model = SiteModel(config: content.config, guides: guides, categories: categories, faq: faq, home: home, files: files)
        model.drafts = Set(content.drafts.map(\.path))
        model.related = related(guides)
        return model
    }

    /// Guides in category order, then by `order`, title and slug.
    private static func sorted(_ guides: [Guide], by order: CategoryOrder) -> [Guide] {
        // Each category's sort key once, not twice per comparison: a key lower-cases every level.
        var categoryKeys: [[String]: CategoryOrder.Key] = [:]
        let keyed = guides.map { guide in
            if let known = categoryKeys[guide.category] { return (known, guide) }
            let key = order.key(guide.category)
            categoryKeys[guide.category] = key
            return (key, guide)
        }
        return keyed.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
            let (left, right) = (lhs.1, rhs.1)
            if (left.order ?? .max) != (right.order ?? .max) { return (left.order ?? .max) < (right.order ?? .max) }
            return (left.title, left.slug) < (right.title, right.slug)
        }.map(\.1)
    }

    private func makeGuide(_ page: SourcePage) throws(BuildError) -> Guide {
        guard let title = page.matter.title ?? page.document.title else {
            throw BuildError(.missingTitle, step: .model, file: page.displayPath, line: 1,
                             "the guide has no title",
                             hint: "add `title: …` to its front matter, or start it with a `# Title` line.")
        }
        let slug: String
        if let given = page.matter.slug {
            let suggestion = Slug.make(given, fallback: Slug.make(page.fileStem, fallback: "guide"))
            guard given == Slug.make(given, fallback: "") else {
                throw BuildError(.unsafePath, step: .model, file: page.displayPath, line: page.matter.lines["slug"],
                                 "`slug: \(given)` cannot be used in a URL",
                                 hint: "use lower-case letters, digits and hyphens only, for example `slug: \(suggestion)`.")
            }
            slug = given
        } else {
            slug = Slug.make(page.fileStem, fallback: "guide")
        }
        let category = page.matter.category ?? page.folder
        if let bad = category.first(where: { Slug.make($0, fallback: "").isEmpty }) {
            throw BuildError(.unsafePath, step: .model, file: page.displayPath, line: page.matter.lines["category"],
                             "the category `\(CategoryPath.display(category))` has a part, `\(bad)`, with no letters or digits",
                             hint: "name categories with words, for example `category: Account security`.")
        }
        return Guide(
            source: page, title: title,
            summary: page.matter.summary ?? page.document.summary ?? "",
            slug: slug, path: .page("guides", slug), category: category,
            order: page.matter.order, tags: page.matter.tags, flow: page.matter.flow,
            updated: page.matter.updated ?? lastModified[page.path]
        )
    }

    /// One FAQ page from every FAQ file. Questions from all of them share the page, so their
    /// anchors must be unique across files, or a link to one would land on another.
    private func makeFAQ(_ sources: [SourcePage], order: CategoryOrder, claims: inout URLClaims, log: inout ErrorLog) -> FAQPage? {
        guard !sources.isEmpty else { return nil }
        let groups = sources
            .map { FAQPage.Group(source: $0, category: $0.matter.category ?? $0.folder) }
            .sorted { lhs, rhs in
                // The top-level FAQ holds the general questions: it leads, where guides without a category trail.
                if lhs.category.isEmpty != rhs.category.isEmpty { return lhs.category.isEmpty }
                let left = order.key(lhs.category), right = order.key(rhs.category)
                return left == right ? lhs.source.path < rhs.source.path : left < right
            }
        let path = SitePath.page("faq")
        claims.claim(path, by: groups[0].source.displayPath, line: nil)
        var owners: [String: String] = [:]
        for group in groups {
            for section in group.source.document.sections(atLevel: 2).sections {
                let id = section.heading.id
                if let first = owners[id] {
                    log.add(BuildError(.duplicateAnchor, step: .model, file: group.source.displayPath,
                                       line: section.heading.line + group.source.bodyLineOffset,
                                       "the FAQ question anchor `#\(id)` is also used in \(first), and both questions share the FAQ page",
                                       hint: "pin a different anchor on one of them, e.g. `## \(section.heading.text) {#\(id)-\(Slug.make(group.category.last ?? "faq"))}`."))
                } else {
                    owners[id] = group.source.displayPath
                }
            }
        }
        let main = groups.first { $0.category.isEmpty }?.source ?? groups[0].source
        let title = main.matter.title ?? main.document.title ?? "Frequently asked questions"
        return FAQPage(title: title, path: path, groups: groups)
    }

    private func makeCategories(guides: [Guide], order: CategoryOrder, claims: inout URLClaims) -> [Category] {
        var byPath: [[String]: Category] = [:]
        for (index, guide) in guides.enumerated() where !guide.category.isEmpty {
            for depth in 1...guide.category.count {
                let path = Array(guide.category.prefix(depth))
                if byPath[path] == nil {
                    let sitePath = SitePath(["categories"] + path.map { Slug.make($0, fallback: "category") }, directory: true)
                    // The error names the first guide in the category, the file whose place the author chose.
                    claims.claim(sitePath, by: "category `\(CategoryPath.display(path))`", file: guide.source.displayPath, line: nil)
                    byPath[path] = Category(path: path, sitePath: sitePath, description: order.description(path), guides: [], children: [])
                }
                if depth == guide.category.count { byPath[path]?.guides.append(index) }
            }
        }
        let sorted = byPath.keys.sorted { order.key($0) < order.key($1) }
        for path in sorted where path.count > 1 {
            byPath[Array(path.dropLast())]?.children.append(path)
        }
        return sorted.compactMap { byPath[$0] }
    }

    /// An old URL of a guide (`/old-name/` or `guides/old-name/`), relative to the base path.
    static func aliasPath(_ alias: String, page: SourcePage) throws(BuildError) -> SitePath {
        let decoded = alias.trimmed.removingPercentEncoding ?? alias.trimmed
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // `//host/x` is another host's URL to a browser, so it is never read as a path here.
        let unsafe = segments.isEmpty || decoded.contains("://") || decoded.hasPrefix("//") || segments.contains { segment in
            segment == "." || segment == ".." || segment.contains("\\")
                || segment.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
        if unsafe {
            throw BuildError(.unsafePath, step: .model, file: page.displayPath, line: page.matter.lines["aliases"],
                             "the alias `\(alias)` is not a path inside the site",
                             hint: "write an old URL of this guide relative to the site, such as `/old-name/`.")
        }
        let isFile = segments.last.map { $0.hasSuffix(".html") } ?? false
        let path = SitePath(segments, directory: !isFile)
        if let generated = SiteAssembler.generatedClash(path) {
            throw BuildError(.duplicateURL, step: .model, file: page.displayPath, line: page.matter.lines["aliases"],
                             "the alias `\(alias)` lands on `\(generated)`, which Guidepost writes itself",
                             hint: "remove the alias; robots.txt, sitemap.xml, _headers, 404.html, index.html, assets/, media/, search/ and flows/ are the site's own.")
        }
        return path
    }

    /// Files keep their folder structure under `media/`, with URL-safe names.
    static func mediaPath(for path: String) -> SitePath {
        var parts = path.split(separator: "/").map(String.init)
        let name = parts.removeLast()
        let folders = parts.map { Slug.make($0, fallback: "folder") }
        var stem = name, ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            stem = String(name[..<dot])
            ext = String(name[name.index(after: dot)...]).lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        let file = Slug.make(stem, fallback: "file") + (ext.isEmpty ? "" : "." + ext)
        return SitePath(["media"] + folders + [file], directory: false)
    }
}

/// Categories named in site.yml come first, in that order; the rest follow alphabetically.
struct CategoryOrder {
    let config: SiteConfig

    struct Key: Comparable {
        var levels: [Level]
        struct Level: Comparable {
            var rank: Int
            var name: String
            static func < (a: Level, b: Level) -> Bool { (a.rank, a.name) < (b.rank, b.name) }
        }
        static func < (a: Key, b: Key) -> Bool {
            // Guides without a category sort after every category.
            if a.levels.isEmpty != b.levels.isEmpty { return b.levels.isEmpty }
            return a.levels.lexicographicallyPrecedes(b.levels)
        }
    }

    func key(_ path: [String]) -> Key {
        Key(levels: path.indices.map { depth in
            let prefix = Array(path.prefix(depth + 1))
            let rank = config.categories.firstIndex { $0.path == prefix } ?? .max
            return Key.Level(rank: rank, name: path[depth].lowercased())
        })
    }

    func description(_ path: [String]) -> String {
        config.categories.first { $0.path == path }?.description ?? ""
    }
}

/// Records which file wants which URL, so a clash names both files.
struct URLClaims {
    private var owners: [SitePath: (String, Int?)] = [:]
    private(set) var conflicts: [BuildError] = []

    /// `file` is the file to name in an error when `owner` is not one (a category).
    mutating func claim(_ path: SitePath, by owner: String, file: String? = nil, line: Int?) {
        if let (first, _) = owners[path] {
            conflicts.append(BuildError(.duplicateURL, step: .model, file: file ?? (owner.hasPrefix("category") ? nil : owner), line: line,
                                        "\(owner.hasPrefix("category") ? owner + " has" : "this page wants") the URL \(path), which \(first) already has",
                                        hint: "give one of them a different `slug:` or alias (or rename the file or folder)."))
        } else {
            owners[path] = (owner, line)
        }
    }
}
