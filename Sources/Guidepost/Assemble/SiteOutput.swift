import FlowKit
import Foundation
import GuidepostSupport

/// The built site, in memory, before anything touches the disk.
public struct SiteOutput: Sendable {
    public enum Contents: Sendable, Equatable {
        case bytes(Data)
        /// A file copied as it is from the source tree (images), read only when written.
        case copy(from: String)
    }

    public struct File: Sendable {
        public var path: String
        public var contents: Contents
    }

    /// Sorted by path, so writing and comparing are deterministic.
    public private(set) var files: [File]
    public var pageCount: Int
    /// Pages whose template ran in this build; the rest were taken from an earlier one.
    public var renderedPages: Int

    init(files: [File], pageCount: Int) {
        self.files = files.sorted { $0.path < $1.path }
        self.pageCount = pageCount
        renderedPages = pageCount
    }

    /// Replaces one file's contents; its path, and so the order, stay.
    mutating func replace(at index: Int, with contents: Contents) {
        files[index].contents = contents
    }

    public subscript(path: String) -> Contents? { files.first { $0.path == path }?.contents }

    /// The text of a generated file, for tests and tools.
    public func text(_ path: String) -> String? {
        guard case .bytes(let data)? = self[path] else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Step four: puts pages, assets, copied files, the sitemap and robots.txt together.
struct SiteAssembler {
    let model: SiteModel
    let theme: Theme

    /// The site with its pages still to render: `renderer` makes each one as it is written, so a
    /// large site is never in memory whole. Every path is known and checked here already,
    /// `reserved` too: the paths of files made later (a search index still to build).
    func plan(_ renderer: PageRenderer, flows: [CompiledFlow], search: SearchIndexFiles? = nil,
              reserved: [String] = []) throws(BuildErrors) -> PendingSite {
        let jobs = renderer.jobs()
        let files = otherFiles(sitemap: jobs, flows: flows, search: search, policy: renderer.context.contentSecurityPolicy)
        try Self.checkUnique(jobs.map(\.path.outputFile) + files.map(\.path) + reserved)
        return PendingSite(files: files, jobs: jobs, renderer: renderer)
    }

    /// Everything but the pages: assets, copied files, flow specs, the search index, sitemap, robots.txt.
    private func otherFiles(sitemap pages: [PageJob], flows: [CompiledFlow], search: SearchIndexFiles?,
                            policy: String) -> [SiteOutput.File] {
        var files: [SiteOutput.File] = theme.assets.map { .init(path: $0.path.outputFile, contents: .bytes($0.data)) }
        files += model.files.map { .init(path: $0.path.outputFile, contents: .copy(from: $0.source.location)) }
        files += flows.map { .init(path: $0.specPath.outputFile, contents: .bytes(Data($0.json.utf8))) }
        if !flows.isEmpty {
            files.append(.init(path: "flows/flow-spec.schema.json", contents: .bytes(Data(FlowSpec.jsonSchema.utf8))))
        }
        if let search { files += search.files }
        // The sitemap protocol takes absolute URLs only: without a base URL there is none.
        if base.isGiven { files.append(.init(path: Self.sitemapFile, contents: .bytes(Data(sitemap(pages).utf8)))) }
        files.append(.init(path: Self.robotsFile, contents: .bytes(Data(robots.utf8))))
        files.append(.init(path: Self.headersFile, contents: .bytes(Data(HostingFiles.headers(base: base, policy: policy).utf8))))
        return files
    }

    static let sitemapFile = "sitemap.xml", robotsFile = "robots.txt", headersFile = "_headers"
    /// The files at the top of every site and the folders Guidepost fills itself (the home
    /// page, the 404 page, theme assets, copied media, the search page and index, flow pages).
    static let generatedFiles: Set = [sitemapFile, robotsFile, headersFile, "404.html", "index.html"]
    static let generatedFolders: Set = ["assets", "media", "search", "flows"]

    /// What of the site's own `path` would overwrite or turn into a folder, if anything: for
    /// an alias, which must not take a URL the site itself needs.
    static func generatedClash(_ path: SitePath) -> String? {
        guard let first = path.segments.first else { return nil }
        if generatedFolders.contains(first) { return "/\(first)/" }
        if generatedFiles.contains(first) { return "/\(first)" }
        return nil
    }

    private var base: BaseURL { model.config.baseURL }

    /// The model step catches pages that want the same URL; this catches the rest (an alias
    /// onto the search page, a content folder called `assets`), so nothing is silently overwritten.
    static func checkUnique(_ paths: [String]) throws(BuildErrors) {
        var seen: Set<String> = []
        seen.reserveCapacity(paths.count)
        var clashes: [BuildError] = []
        let hint = "change the alias, slug or folder name that makes a URL Guidepost uses for its own pages (search/, flows/, assets/, media/)."
        for path in paths where !seen.insert(path).inserted {
            clashes.append(BuildError(.duplicateURL, step: .assemble, file: path,
                                      "two parts of the site would both be written to `\(path)`", hint: hint))
        }
        // A file where another file needs a folder fails only when written ("Is a directory").
        for folder in FolderWriter.folders(for: paths).folders where seen.contains(folder) {
            clashes.append(BuildError(.duplicateURL, step: .assemble, file: folder,
                                      "`\(folder)` would be both a file and a folder of the site", hint: hint))
        }
        if !clashes.isEmpty { throw BuildErrors(clashes) }
    }

    /// Every page a search engine should list; the 404 page and flow question pages are left out.
    private func sitemap(_ pages: [PageJob]) -> String {
        let urls = pages
            .filter(\.indexable)
            .map { ($0.path.absolute(base), $0.lastModified) }
            .sorted { $0.0 < $1.0 }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        for (url, day) in urls {
            let lastmod = day.map { "<lastmod>\($0)</lastmod>" } ?? ""
            xml += "  <url><loc>\(HTMLEscaper.quotes.escape(url))</loc>\(lastmod)</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    private var robots: String {
        "User-agent: *\nAllow: /\n" + (base.isGiven ? "Sitemap: \(base.absolute)sitemap.xml\n" : "")
    }
}
