import Foundation
import GuidepostMarkdown

/// What one in-memory build keeps so that the next, when only guides' bodies changed, can
/// skip the model, the flows and every page but those guides' own.
struct QuickState: Sendable {
    var config: SiteConfig
    var files: [SourceFile]
    var pagePaths: Set<String>
    /// Guide number in `model.guides`, by source path.
    var guideNumbers: [String: Int]
    /// The last build's renderer, and through it its model.
    var renderer: PageRenderer
    var resolver: LinkResolver
    var jobs: [PageJob]
    /// The job of each guide's own page, by guide number.
    var guideJobs: [Int: Int]
    /// Every file but the search index, and where each is in `files`.
    var output: SiteOutput
    var outputIndex: [String: Int]
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

/// A rebuild where every changed file is a guide whose skeleton is the same as before: the
/// last build's model with those guides' documents in place, its theme and its plan.
struct QuickPlan: Sendable {
    var state: QuickState
    var model: SiteModel
    var changed: [(number: Int, page: SourcePage)]
    var overrides: String?
}

extension QuickState {
    /// The state for the next quick rebuild, from a build that ran every step.
    init(_ content: LoadedContent, site: PendingSite, output: SiteOutput, resolver: LinkResolver) {
        let model = site.renderer.model
        var guideNumbers: [String: Int] = [:], guideJobs: [Int: Int] = [:], outputIndex: [String: Int] = [:]
        for (number, guide) in model.guides.enumerated() { guideNumbers[guide.source.path] = number }
        for (number, job) in site.jobs.enumerated() {
            if case .guide(let guide) = job.kind { guideJobs[guide] = number }
        }
        for (index, file) in output.files.enumerated() { outputIndex[file.path] = index }
        var kept = output
        kept.renderedPages = 0
        self.init(config: content.config, files: content.files, pagePaths: Set(content.pages.map(\.path)),
                  guideNumbers: guideNumbers, renderer: site.renderer.updating(model: model, links: site.renderer.links, bodies: [:]),
                  resolver: resolver, jobs: site.jobs, guideJobs: guideJobs, output: kept, outputIndex: outputIndex)
    }
}

extension Pipeline {
    /// The quick plan when only guides' bodies changed since `memo`'s build, or nil when
    /// anything else did (a title, a heading, a new file, site.yml, the theme) and every step
    /// must run.
    func quickPlan(_ content: LoadedContent, _ memo: BuildMemo) throws(BuildErrors) -> QuickPlan? {
        guard let state = memo.quick, content.config == state.config, content.files == state.files,
              content.pages.count == state.pagePaths.count, content.pages.allSatisfy({ state.pagePaths.contains($0.path) }) else { return nil }
        var model = state.renderer.model
        var changed: [(number: Int, page: SourcePage)] = []
        for page in content.pages where content.reparsed.contains(page.path) {
            guard let number = state.guideNumbers[page.path],
                  PageSkeleton(model.guides[number].source) == PageSkeleton(page) else { return nil }
            changed.append((number, page))
            model.guides[number].source = page
        }
        // The theme is read every time (a template may be what changed) but kept only if equal.
        var overrides: String?
        let theme = try loadTheme(state.config, overrides: &overrides)
        guard theme.fingerprint == state.renderer.theme.fingerprint, theme.assetURLs == state.renderer.theme.assetURLs else { return nil }
        return QuickPlan(state: state, model: model, changed: changed, overrides: overrides)
    }

    /// The quick plan's render step: only the changed guides' own pages are drafted, and only
    /// those whose key changed are rendered; every other file is the last build's.
    func renderQuickly(_ quick: QuickPlan, _ stages: inout Stages, _ memo: BuildMemo) {
        let state = quick.state
        let links = stages.links ?? state.renderer.links
        let renderer = state.renderer.updating(model: quick.model, links: links, bodies: memo.bodies)
        var output = state.output
        var pages = memo.pages, bodies = memo.bodies
        for (number, _) in quick.changed {
            guard let jobNumber = state.guideJobs[number] else { continue }
            let job = state.jobs[jobNumber]
            let draft = renderer.draft(job)
            let key = renderer.key(draft)
            let path = job.path.outputFile
            if let body = draft.body { bodies[body.source] = body.body }
            guard pages[path]?.key != key, let slot = state.outputIndex[path] else { continue }
            let file = RenderedFile(key: key, data: Data(renderer.render(draft).html.utf8))
            pages[path] = file
            output.replace(at: slot, with: .bytes(file.data))
            output.renderedPages += 1
        }
        (stages.memo.pages, stages.memo.bodies) = (pages, bodies)
        var next = state
        (next.renderer, next.output) = (renderer.updating(model: quick.model, links: links, bodies: [:]), output)
        next.output.renderedPages = 0
        stages.memo.quick = next
        stages.output = output
    }
}
