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
    /// Set by the model step when only guides' bodies changed since the last in-memory build.
    var quick: QuickPlan?
    /// What this run leaves for the next in-memory one.
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

extension Pipeline {
    func load(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        defer { stages.content?.apply(options, configRead: stages.configRead) }
        let loader = ContentLoader(fileSystem: fileSystem, contentRoot: options.content)
        if policy.keepsGoing {
            try loadSkippingFailures(&stages)
        } else {
            stages.content = try loader.load(reusing: policy.memo?.sources)
            stages.memo.sources = stages.content?.parsed ?? [:]
        }
        let count = stages.content?.pages.count ?? 0
        progress(BuildProgress(.load, done: count, total: count))
        return .ran
    }

    func model(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let content = stages.content, stages.loadedWhole else { return .skipped }
        if let memo = policy.memo, let quick = try quickPlan(content, memo) {
            (stages.quick, stages.model, stages.theme, stages.overrides) = (quick, quick.model, quick.state.renderer.theme, quick.overrides)
            stages.memo = memo
            stages.memo.sources = content.parsed
            return .skipped
        }
        // Asked here, not when loading: a quick rebuild (only bodies changed) keeps the last dates.
        let dates = lastModified.dates(under: options.content)
        let model = try SiteModelBuilder(content: content, related: policy.memo?.related, lastModified: dates).build()
        stages.model = model
        if policy.memo != nil { stages.memo.related = model.relatedMemo }
        return .ran
    }

    func links(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let model = stages.model else { return .skipped }
        var log = ErrorLog()
        if let quick = stages.quick {
            var links = quick.state.renderer.links
            for (_, page) in quick.changed {
                let result = quick.state.resolver.resolve(page)
                log.add(contentsOf: result.errors)
                links[page.path] = result.urls
                stages.memo.links[page.path] = result
            }
            stages.links = links
        } else {
            let resolver = LinkResolver(model: model)
            let (links, errors, resolved) = resolver.resolveAll(model.allSourcePages, reusing: policy.memo?.links)
            (stages.resolver, stages.links, stages.memo.links) = (resolver, links, resolved)
            log.add(contentsOf: errors)
        }
        try log.check()
        return .ran
    }

    func flows(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard let model = stages.model, stages.quick == nil else { return .skipped }
        stages.flows = try FlowCompiler(model: model, catalog: flowCatalog).compile()
        return .ran
    }

    /// The theme does not depend on the content, only on where site.yml says overrides are.
    func theme(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard stages.configRead, stages.theme == nil else { return .skipped }
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
    func assemble(_ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        guard stages.quick == nil, stages.errors.isEmpty, let content = stages.content, let model = stages.model,
              let links = stages.links, let flows = stages.flows, let theme = stages.theme else { return .skipped }
        let renderer = PageRenderer(model: model, theme: theme, links: links, flows: flows, searchIndex: SearchIndexFiles.manifestPath,
                                    bodies: policy.memo?.bodies ?? [:])
        let reserved = policy.search == .deferred ? [SearchIndexFiles.manifestPath.outputFile] : []
        var site = try SiteAssembler(model: model, theme: theme)
            .plan(renderer, flows: Array(flows.values), search: stages.searchFiles, reserved: reserved)
        site.warnings = content.warnings
        site.drafts = content.drafts.count
        stages.site = site
        return .ran
    }

    /// Every page in memory: with a memo, only those whose key changed are rendered again.
    /// A whole render (`generate()`, for tests) is not timed: it stands in for a build to disk,
    /// which renders as it writes.
    func render(_ stages: inout Stages, _ policy: Policy) -> Outcome {
        guard policy.pages == .inMemory else { return .skipped }
        if let quick = stages.quick, let memo = policy.memo {
            renderQuickly(quick, &stages, memo)
            return .ran
        }
        guard let site = stages.site else { return .skipped }
        guard let memo = policy.memo, let content = stages.content, let resolver = stages.resolver else {
            stages.output = site.output(progress: progress)
            return .skipped
        }
        let (output, pages, bodies) = site.output(reusing: memo.pages, progress: progress)
        (stages.memo.pages, stages.memo.bodies) = (pages, bodies)
        stages.memo.quick = QuickState(content, site: site, output: output, resolver: resolver)
        stages.output = output
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
