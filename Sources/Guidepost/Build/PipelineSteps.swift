import Foundation

/// What the steps of one run have made so far, each result set by its own step.
struct Stages: Sendable {
    var content: LoadedContent?
    /// False when a Markdown file failed to load (`sitegen check` goes on without it): the
    /// model would then report broken links to it, so no step past loading runs.
    var loadedWhole = true
    /// False when site.yml failed, so its settings (overrides, base URL) are unknown.
    var configRead = true
    var model: SiteModel?
    var resolver: LinkResolver?
    /// Resolved link URLs per source page path.
    var links: [String: [String]]?
    var flows: [String: CompiledFlow]?
    /// The template overrides the theme was read with, from `--overrides` or site.yml.
    var overrides: String?
    var theme: Theme?
    /// The search index's files, when they are part of the site (`Policy.Search.inSite`).
    var searchFiles: SearchIndexFiles?
    /// What builds the index later, when it is not (`Policy.Search.deferred`).
    var search: PendingSearchIndex?
    var site: PendingSite?
    var output: SiteOutput?
    var summary: BuildSummary?
    /// Set by the model step when the cache's `site` entry holds: only guides' bodies changed
    /// since the last in-memory run.
    var reuse: SiteReuse?
    /// What this run leaves for the next in-memory one: the last run's cache, each step's
    /// entries replaced by what it made.
    var memo = BuildMemo()
    var errors = ErrorLog()

    /// `value` once the run has ended without errors; else its errors.
    func finished<Value>(_ value: Value?) throws(BuildErrors) -> Value {
        try errors.check()
        guard let value else {
            throw BuildErrors([BuildError(.output, step: .write, "the build ended before it made its result; this is a bug in sitegen")])
        }
        return value
    }
}

// Each step calls its stage; where the policy has a cache (`BuildMemo`), the step looks its
// result up there first and stores what it made after. The stages themselves know no cache.
extension Pipeline {
    func load(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        defer { stages.content?.apply(options, configRead: stages.configRead) }
        let loader = ContentLoader(fileSystem: fileSystem, contentRoot: options.content)
        if policy.keepsGoing {
            try loadSkippingFailures(&stages)
        } else if let memo = policy.memo {
            let content = try loader.load(pages: memo.page(loader))
            (stages.content, stages.memo.sources) = (content, BuildMemo.sources(content))
        } else {
            stages.content = try loader.load()
        }
        let count = stages.content?.pages.count ?? 0
        progress(BuildProgress(.load, done: count, total: count))
        return .ran
    }

    func model(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let content = stages.content, stages.loadedWhole else { return .skipped }
        if let memo = policy.memo, let reuse = try reuse(memo, content) {
            (stages.reuse, stages.model) = (reuse, reuse.model)
            return .skipped
        }
        // Asked here, not when loading: a run that reuses the model keeps the last dates.
        let dates = lastModified.dates(under: options.content)
        let related = policy.memo.map { memo in memo.related } ?? { RelatedGuides.compute($0) }
        let model = try SiteModelBuilder(content: content, lastModified: dates).build(related: related)
        stages.model = model
        if policy.memo != nil { stages.memo.related = (RelatedGuides.key(model.guides), model.related) }
        return .ran
    }

    /// Every page's links; when the model is reused, only the changed guides', with the last resolver.
    func links(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let model = stages.model else { return .skipped }
        let reuse = stages.reuse
        let resolver = reuse?.cached.resolver ?? LinkResolver(model: model)
        let memo = policy.memo ?? BuildMemo()
        let results = (reuse?.changed ?? model.allSourcePages).parallelMap { memo.links($0, resolver) }
        var (links, errors) = LinkResolver.collect(results)
        if let reuse { links = reuse.cached.site.renderer.links.merging(links) { $1 } }
        if policy.memo != nil {
            if reuse == nil { stages.memo.links = [:] }
            for result in results { stages.memo.links[result.path] = result }
        }
        (stages.resolver, stages.links) = (resolver, links)
        if !errors.isEmpty { throw BuildErrors(errors) }
        return .ran
    }

    func flows(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let model = stages.model else { return .skipped }
        if let reuse = stages.reuse {
            stages.flows = reuse.cached.site.renderer.flows
            return .skipped
        }
        stages.flows = try FlowCompiler(model: model, catalog: flowCatalog).compile()
        return .ran
    }

    /// The theme does not depend on the content, only on where site.yml says overrides are.
    func theme(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard stages.configRead else { return .skipped }
        if let reuse = stages.reuse {
            (stages.theme, stages.overrides) = (reuse.cached.theme, reuse.cached.overrides)
            return .skipped
        }
        let config = stages.content?.config ?? SiteConfig()
        let theme = try loadTheme(config, overrides: &stages.overrides)
        stages.theme = theme
        // Asking the guides rather than the compiled flows tells it even when a flow fails.
        if let model = stages.model, model.guides.contains(where: { !$0.flowIDs.isEmpty }) {
            try theme.checkFlowTemplates(root: options.templates)
        }
        return .ran
    }

    /// The theme as the content's config names it; `overrides` receives the folder used.
    func loadTheme(_ config: SiteConfig, overrides: inout String?) throws(BuildErrors) -> Theme {
        overrides = try options.overridesFolder(config)
        return try ThemeLoader(fileSystem: fileSystem, templatesRoot: options.templates, overridesRoot: overrides)
            .load(base: config.baseURL, brand: config.brand, configFile: config.file)
    }

    /// The index of every guide and the FAQ; pages need only its path.
    func search(_ stages: inout Stages, _ policy: Policy) -> Outcome {
        guard let model = stages.model else { return .skipped }
        let pending = PendingSearchIndex(model: model, timings: timings)
        switch policy.search {
        case .inSite:
            stages.searchFiles = pending.files()
            return .ran
        case .deferred:
            stages.search = pending
            return .skipped
        }
    }

    /// Pages (still to render), assets, copied files, the search index, sitemap, robots.txt:
    /// every path decided and checked. Runs only on input a build would get this far with.
    /// When the model is reused, so is the last plan, with the new documents and links.
    func assemble(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard stages.errors.isEmpty, let content = stages.content, let model = stages.model,
              let links = stages.links, let flows = stages.flows, let theme = stages.theme else { return .skipped }
        let bodies = policy.memo?.bodies ?? [:]
        var site: PendingSite
        if let reuse = stages.reuse {
            site = reuse.cached.site
            site.renderer = site.renderer.updating(model: model, links: links, bodies: bodies)
        } else {
            let renderer = PageRenderer(model: model, theme: theme, links: links, flows: flows,
                                        searchIndex: SearchIndexFiles.manifestPath, bodies: bodies)
            let reserved = policy.search == .deferred ? [SearchIndexFiles.manifestPath.outputFile] : []
            site = try SiteAssembler(model: model, theme: theme)
                .plan(renderer, flows: Array(flows.values), search: stages.searchFiles, reserved: reserved)
        }
        site.warnings = content.warnings
        site.drafts = content.drafts.count
        stages.site = site
        return stages.reuse == nil ? .ran : .skipped
    }

    /// Every page in memory, through the one `RenderLoop`: with a cache, a page whose key is
    /// unchanged is not rendered again, and when the plan is reused only the changed guides'
    /// own pages are drafted. A whole render without a cache (`generate()`, for tests) is not
    /// timed: it stands in for a build to disk, which renders as it writes.
    func render(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard policy.pages == .inMemory, let site = stages.site else { return .skipped }
        let reuse = stages.reuse
        let made: [MadePage<Data>]
        do throws(WriteFailure) {
            made = try RenderLoop(site: site, kept: policy.memo?.pages ?? [:])
                .run(reuse?.jobs ?? Array(site.jobs.indices), progress: progress) { _, html in html.data }
        } catch {
            throw BuildErrors([BuildError(.output, step: .render, file: nil, "a page could not be made: \(error)")])
        }
        var output = reuse?.cached.output(with: made, of: site) ?? SiteOutput(
            files: site.files + made.map { SiteOutput.File(path: site.jobs[$0.job].path.outputFile, contents: .bytes($0.placed)) },
            pageCount: site.pageCount)
        output.renderedPages = made.count { $0.rendered }
        stages.output = output
        guard policy.memo != nil, let content = stages.content, let resolver = stages.resolver else { return .skipped }
        if reuse == nil { (stages.memo.pages, stages.memo.bodies) = ([:], [:]) }
        stages.memo.store(made, of: site)
        stages.memo.site = reuse?.cached.updated(site, output: output)
            ?? CachedSite(content, site: site, output: output, resolver: resolver, overrides: stages.overrides)
        return .ran
    }

    /// The site into the output folder, unless `--strict` finds warnings.
    func write(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard policy.pages == .written, let site = stages.site.take() else { return .skipped }
        if options.strict, !site.warnings.isEmpty {
            throw BuildErrors(site.warnings.map(BuildError.init(strict:)))
        }
        stages.summary = try publish(site)
        PendingSite.releaseInBackground(consume site)
        return .ran
    }
}

extension BuildProgress {
    init(_ step: BuildStep, done: Int, total: Int) {
        self.init(step: step.rawValue, done: done, total: total)
    }
}
