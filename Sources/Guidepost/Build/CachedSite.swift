import Foundation
import GuidepostMarkdown

/// The cache's `site` entry (`BuildMemo.site`): what the model, flows, theme and assemble steps
/// made in the last in-memory run, and the site it rendered. It holds while every page that
/// changed since is a guide whose skeleton (`PageSkeleton`) is the same, and site.yml, the
/// media files, the set of pages and the theme are too: then nothing but those guides'
/// documents differs, so the model is the last one with them in place, and only their own pages
/// can come out differently.
struct CachedSite: Sendable {
    var config: SiteConfig
    var files: [SourceFile]
    var pagePaths: Set<String>
    /// Guide number in `model.guides`, by source path.
    var guideNumbers: [String: Int]
    var resolver: LinkResolver
    /// The last plan; its renderer holds the model, the theme, the flows and the links.
    var site: PendingSite
    var overrides: String?
    /// The job of each guide's own page, by guide number.
    var guideJobs: [Int: Int]
    /// Every file but the search index, and where each is in `files`.
    var output: SiteOutput
    var outputIndex: [String: Int]

    var model: SiteModel { site.renderer.model }
    var theme: Theme { site.renderer.theme }
}

/// A hit on the `site` entry: the last model with the changed guides' documents in place.
struct SiteReuse: Sendable {
    var cached: CachedSite
    var model: SiteModel
    /// The changed guides' sources, and their own pages' numbers in `cached.site.jobs`.
    var changed: [SourcePage]
    var jobs: [Int]
}

/// What a guide gives other pages and the model: all of it but the body. When a rebuild
/// finds every changed file to be a guide whose skeleton is the same as before, no other page
/// and nothing in the model can have changed but that guide's document.
struct PageSkeleton: Equatable {
    var path: String
    var displayPath: String
    var bodyLineOffset: Int
    var matter: FrontMatter
    var title: String?
    var summary: String?
    var headings: [Heading]
    var anchors: [String]
    var flows: [FlowEmbed]
    /// The players a page embeds are in the site's policy, on every page.
    var videoPlayers: [VideoEmbed.Provider]

    init(_ page: SourcePage) {
        path = page.path
        displayPath = page.displayPath
        bodyLineOffset = page.bodyLineOffset
        matter = page.matter
        // A guide's title and summary come from the document only when the front matter has
        // none (`SiteModelBuilder.makeGuide`); otherwise its first heading and paragraph are body.
        title = page.matter.title == nil ? page.document.title : nil
        summary = page.matter.summary == nil ? page.document.summary : nil
        headings = page.document.headings
        anchors = page.document.anchors
        flows = page.document.flows
        videoPlayers = page.document.videos.map(\.provider)
    }
}

extension CachedSite {
    /// The entry for a run that made every step's result itself.
    init(_ content: LoadedContent, site: PendingSite, output: SiteOutput, resolver: LinkResolver, overrides: String?) {
        var guideNumbers: [String: Int] = [:], guideJobs: [Int: Int] = [:], outputIndex: [String: Int] = [:]
        for (number, guide) in site.renderer.model.guides.enumerated() { guideNumbers[guide.source.path] = number }
        for (number, job) in site.jobs.enumerated() {
            if case .guide(let guide) = job.kind { guideJobs[guide] = number }
        }
        for (index, file) in output.files.enumerated() { outputIndex[file.path] = index }
        self.init(config: content.config, files: content.files, pagePaths: Set(content.pages.map(\.path)), guideNumbers: guideNumbers,
                  resolver: resolver, site: site, overrides: overrides, guideJobs: guideJobs, output: output, outputIndex: outputIndex)
        self.site.forgetBodies()
    }

    /// This entry after a run that reused it: the new documents, links and pages.
    func updated(_ site: PendingSite, output: SiteOutput) -> CachedSite {
        var next = self
        (next.site, next.output) = (site, output)
        next.site.forgetBodies()
        return next
    }

    /// The changed guides' own pages' bytes in place of the last ones.
    func output(with pages: [MadePage<Data>], of site: PendingSite) -> SiteOutput {
        var output = output
        for page in pages {
            guard let slot = outputIndex[site.jobs[page.job].path.outputFile] else { continue }
            output.replace(at: slot, with: .bytes(page.placed))
        }
        return output
    }
}

extension Pipeline {
    /// `memo`'s `site` entry when it holds for `content`; nil when anything but guides' bodies changed (a title, a heading, a new file,
    /// site.yml, the theme) and every step must run. The theme is read every time (a template
    /// may be what changed) and kept only if it is the same.
    func reuse(_ memo: BuildMemo, _ content: LoadedContent) throws(BuildErrors) -> SiteReuse? {
        guard let cached = memo.site, content.config == cached.config, content.files == cached.files, content.pages.count == cached.pagePaths.count,
              content.pages.allSatisfy({ cached.pagePaths.contains($0.path) }) else { return nil }
        var model = cached.model
        var jobs: [Int] = []
        let changed = memo.changed(content)
        for page in changed {
            guard let number = cached.guideNumbers[page.path],
                  PageSkeleton(model.guides[number].source) == PageSkeleton(page) else { return nil }
            model.guides[number].source = page
            if let job = cached.guideJobs[number] { jobs.append(job) }
        }
        var overrides: String?
        let theme = try loadTheme(cached.config, overrides: &overrides)
        guard theme.fingerprint == cached.theme.fingerprint, theme.assetURLs == cached.theme.assetURLs else { return nil }
        return SiteReuse(cached: cached, model: model, changed: changed, jobs: jobs)
    }
}
