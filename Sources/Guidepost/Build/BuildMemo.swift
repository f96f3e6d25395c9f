import Foundation
import GuidepostMarkdown

/// The one cache around the steps: what an in-memory run made (`sitegen serve`, and tests that
/// rebuild), each result kept with the fingerprint of what it was made from, so the next run
/// takes it instead of making it again. The stages know nothing of it: the pipeline looks a
/// result up before it calls a stage and stores it after (`PipelineSteps.swift`). Opaque to
/// callers, who hand each run the last one's.
///
/// | Entry | Step | One per | Kept while unchanged |
/// |---|---|---|---|
/// | `sources` | load | Markdown file | its stamp, else its bytes' fingerprint (`SourcePage.contentHash`) |
/// | `site` | model, flows, theme, assemble | run | every page's `PageSkeleton`, site.yml, media, the theme (`CachedSite`) |
/// | `related` | model | run | guides' tags and categories in order (`RelatedGuides.key`) |
/// | `links` | links | page | its parse, and the URL and parse of every page it links to (`LinkResolver.reuse`) |
/// | `bodies` | render | guide | its parse, its link URLs, the flow widgets (`RenderedBody.key`) |
/// | `pages` | render | output page | `PageDraft.key` |
public struct BuildMemo: Sendable {
    var sources: [String: CachedSource] = [:]
    var site: CachedSite?
    var related: (key: UInt64, related: [[Int]])?
    var links: [String: ResolvedLinks] = [:]
    /// Guides' body HTML by source path.
    var bodies: [String: RenderedBody] = [:]
    /// Pages by output path.
    var pages: [String: RenderedFile] = [:]

    /// The template overrides the build read, from `--overrides` or site.yml: `sitegen serve`
    /// watches them without reading site.yml itself.
    public internal(set) var overrides: String?

    public init() {}
}

/// A Markdown file's parse and the options it was parsed with.
struct CachedSource: Sendable {
    var page: SourcePage
    var options: MarkdownOptions
}

/// A page's key and bytes, as the last in-memory build made them.
struct RenderedFile: Sendable {
    var key: UInt64
    var data: Data
}

extension BuildMemo {
    /// `load`, one file: the last parse when the file's stamp is unchanged (it is not even
    /// read), or when its bytes are; else `loader.page`. The stamp is taken before the read,
    /// so a file changed meanwhile is read again next time.
    func page(_ loader: ContentLoader) -> ContentLoader.PageSource {
        let sources = sources
        return { path, options throws(BuildError) in
            let stamp = loader.stamp(path)
            let old = sources[path].flatMap { $0.options == options && $0.page.displayPath == loader.display(path) ? $0.page : nil }
            if let old, let stamp, old.stamp == stamp { return old }
            let data = try loader.read(path)
            var page: SourcePage
            if let old, old.contentHash == SourcePage.fingerprint(data, options) {
                page = old
            } else {
                page = try loader.parse(path, data, options: options)
            }
            page.stamp = stamp
            return page
        }
    }

    /// The entries for the pages just loaded, drafts included.
    static func sources(_ content: LoadedContent) -> [String: CachedSource] {
        let options = MarkdownOptions(rawHTML: content.config.rawHTML)
        var sources: [String: CachedSource] = [:]
        sources.reserveCapacity(content.pages.count)
        for page in content.pages { sources[page.path] = CachedSource(page: page, options: options) }
        return sources
    }

    /// The pages whose parse is not the one in the cache: new files and changed ones.
    func changed(_ content: LoadedContent) -> [SourcePage] {
        content.pages.filter { sources[$0.path]?.page.contentHash != $0.contentHash }
    }

    /// `model`'s related guides: the last ones when no guide's tags, category or place moved.
    func related(_ guides: [Guide]) -> [[Int]] {
        if let related, related.key == RelatedGuides.key(guides) { return related.related }
        return RelatedGuides.compute(guides)
    }

    /// `links`, one page: its last links when they still hold, else `resolver.resolve`.
    func links(_ page: SourcePage, _ resolver: LinkResolver) -> ResolvedLinks {
        resolver.reuse(links[page.path], for: page) ?? resolver.resolve(page)
    }

    /// `render`: stores what the render loop made.
    mutating func store(_ made: [MadePage<Data>], of site: PendingSite) {
        for page in made {
            pages[site.jobs[page.job].path.outputFile] = RenderedFile(key: page.key, data: page.placed)
            if let body = page.body { bodies[body.source] = body.body }
        }
    }
}
