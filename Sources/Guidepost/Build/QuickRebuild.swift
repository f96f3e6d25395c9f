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
    }
}

extension BuildPipeline {
    /// The rebuild when only guides' bodies changed, or nil when anything else did (a title, a
    /// heading, a new file, site.yml, the theme) and the full steps must run.
    func quickRebuild(_ content: LoadedContent, _ state: QuickState, _ memo: BuildMemo) throws(BuildErrors)
        -> (output: SiteOutput, memo: BuildMemo, search: PendingSearchIndex)? {
        guard content.config == state.config, content.files == state.files,
              content.pages.count == state.pagePaths.count, content.pages.allSatisfy({ state.pagePaths.contains($0.path) }) else { return nil }
        var changed: [(number: Int, page: SourcePage)] = []
        for page in content.pages where content.reparsed.contains(page.path) {
            guard let number = state.guideNumbers[page.path],
                  PageSkeleton(state.renderer.model.guides[number].source) == PageSkeleton(page) else { return nil }
            changed.append((number, page))
        }
        // The theme is read every time (a template may be what changed) but kept only if equal.
        let overrides = try options.overridesFolder(content.config)
        let theme = try ThemeLoader(fileSystem: fileSystem, templatesRoot: options.templates, overridesRoot: overrides)
            .load(base: state.renderer.model.config.baseURL)
        guard theme.fingerprint == state.renderer.theme.fingerprint, theme.assetURLs == state.renderer.theme.assetURLs else { return nil }

        var clock = StepClock(timings)
        var model = state.renderer.model
        var links = state.renderer.links
        var resolved = memo.links
        var log = ErrorLog()
        for (number, page) in changed {
            model.guides[number].source = page
            let result = state.resolver.resolve(page)
            log.add(contentsOf: result.errors)
            links[page.path] = result.urls
            resolved[page.path] = result
        }
        try log.check()
        clock.lap("links")

        let renderer = state.renderer.updating(model: model, links: links, bodies: memo.bodies)
        var output = state.output
        var pages = memo.pages, bodies = memo.bodies
        for (number, _) in changed {
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
        clock.lap("render")

        var next = memo
        (next.sources, next.links, next.pages, next.bodies) = (content.parsed, resolved, pages, bodies)
        var quick = state
        (quick.renderer, quick.output) = (renderer.updating(model: model, links: links, bodies: [:]), output)
        quick.output.renderedPages = 0
        next.quick = quick
        return (output, next, PendingSearchIndex(model: model, timings: timings))
    }

    /// The state for the next quick rebuild, from a build that ran every step.
    static func quickState(_ content: LoadedContent, site: PendingSite, output: SiteOutput, resolver: LinkResolver) -> QuickState {
        let model = site.renderer.model
        var guideNumbers: [String: Int] = [:], guideJobs: [Int: Int] = [:], outputIndex: [String: Int] = [:]
        for (number, guide) in model.guides.enumerated() { guideNumbers[guide.source.path] = number }
        for (number, job) in site.jobs.enumerated() {
            if case .guide(let guide) = job.kind { guideJobs[guide] = number }
        }
        for (index, file) in output.files.enumerated() { outputIndex[file.path] = index }
        var kept = output
        kept.renderedPages = 0
        return QuickState(config: content.config, files: content.files, pagePaths: Set(content.pages.map(\.path)),
                          guideNumbers: guideNumbers, renderer: site.renderer.updating(model: model, links: site.renderer.links, bodies: [:]),
                          resolver: resolver, jobs: site.jobs, guideJobs: guideJobs, output: kept, outputIndex: outputIndex)
    }
}
