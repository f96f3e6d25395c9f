import FlowKit
import Foundation
import HelpFlows

public struct BuildOptions: Sendable, Equatable {
    public var content = "content"
    public var templates = "templates"
    /// Overrides site.yml's `templateOverrides`.
    public var overrides: String?
    public var output = "public"
    /// Overrides site.yml's `baseURL`.
    public var baseURL: BaseURL?
    /// Where the build cache lives; nil for `.sitegen-cache` beside the output folder.
    public var cacheFolder: String?
    /// False to ignore the cache and build clean (it is still written for the next build).
    public var incremental = true
    /// Warnings stop the build as errors do, before anything is written.
    public var strict = false
    /// Publish pages marked `draft: true` too (`--drafts`).
    public var drafts = false

    public init(content: String = "content", templates: String = "templates", overrides: String? = nil,
                output: String = "public", baseURL: BaseURL? = nil, cacheFolder: String? = nil, incremental: Bool = true,
                strict: Bool = false, drafts: Bool = false) {
        self.content = content
        self.templates = templates
        self.overrides = overrides
        self.output = output
        self.baseURL = baseURL
        self.cacheFolder = cacheFolder
        self.incremental = incremental
        self.strict = strict
        self.drafts = drafts
    }
}

/// How far a build has got, for a progress line on large sites.
public struct BuildProgress: Sendable, Equatable {
    public var step: String
    public var done: Int
    public var total: Int
}

public struct BuildSummary: Sendable {
    public var pageCount: Int
    public var fileCount: Int
    public var output: String
    /// Files written (all of them in a clean build) and files removed as no longer in the site.
    public var written: Int
    public var removed: Int
    /// Why the build was clean rather than incremental; nil when it was incremental.
    public var cleanBecause: String?
    /// Why the cache could not be saved for the next build; the site itself is complete.
    public var cacheWarning: String?
    /// What readers will not see as the authors wrote it, sorted by file and line.
    public var warnings: [CheckFinding] = []
    /// Pages marked `draft: true` and left out of the site.
    public var drafts = 0
}

/// The build, top to bottom: load, model, link, render, assemble, write. Each step either
/// hands a complete result to the next or stops the build with every error it found.
public struct BuildPipeline: Sendable {
    public var options: BuildOptions
    public var fileSystem: any FileSystem
    public var progress: @Sendable (BuildProgress) -> Void
    /// The flow checkers guides may embed.
    public var flowCatalog: [Flow] = HelpFlows.all
    /// Receives each step's duration (`sitegen build --timings`).
    public var timings: @Sendable (StepTiming) -> Void = { _ in }

    public init(options: BuildOptions = .init(), fileSystem: any FileSystem = LocalFileSystem(),
                progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) {
        self.options = options
        self.fileSystem = fileSystem
        self.progress = progress
    }

    /// Builds the site in memory; nothing is written.
    ///
    /// `check()` (Check/CheckPipeline.swift) runs these steps too, going on past one that fails:
    /// a new step belongs in both.
    public func generate() throws(BuildErrors) -> SiteOutput {
        try prepare().site.output(progress: progress)
    }

    /// Builds the site in memory reusing what an earlier build of the same project left in
    /// `memo`: files whose bytes are unchanged are not parsed again, links and pages whose inputs
    /// are unchanged are not resolved or rendered again, and when only guides' bodies changed,
    /// only those guides' pages are made at all (`quickRebuild`). For `sitegen serve`, which
    /// rebuilds on every save; the output is the same as `generate()`'s.
    public func generate(reusing memo: BuildMemo) throws(BuildErrors) -> (output: SiteOutput, memo: BuildMemo) {
        let (output, next, search) = try generateDeferringSearch(reusing: memo)
        guard let search else { return (output, next) }
        var files = output.files
        files.append(SiteOutput.File(path: search.path, contents: .bytes(search.build())))
        var whole = SiteOutput(files: files, pageCount: output.pageCount)
        whole.renderedPages = output.renderedPages
        return (whole, next)
    }

    /// `generate(reusing:)` without the search index, which is most of a small rebuild's time:
    /// `output` has every other file (the sitemap, `_headers`…), and `search` builds the index
    /// for `search.path` when asked, so the pages can be shown first. `output` plus that file is
    /// `generate()`'s output. `search` is nil only for a site without an index.
    public func generateDeferringSearch(reusing memo: BuildMemo) throws(BuildErrors)
        -> (output: SiteOutput, memo: BuildMemo, search: PendingSearchIndex?) {
        let content = try load(reusing: memo)
        if let quick = memo.quick, let rebuilt = try quickRebuild(content, quick, memo) { return rebuilt }
        var (site, next, search, resolver) = try prepare(content, reusing: memo, deferringSearch: true)
        var clock = StepClock(timings)
        let (output, pages, bodies) = site.output(reusing: memo.pages, progress: progress)
        (next.pages, next.bodies) = (pages, bodies)
        next.quick = Self.quickState(content, site: site, output: output, resolver: resolver)
        clock.lap("render")
        return (output, next, search)
    }

    /// Load: every Markdown file parsed once (or taken from `memo`), site.yml read.
    func load(reusing memo: BuildMemo? = nil) throws(BuildErrors) -> LoadedContent {
        var clock = StepClock(timings)
        var content = try ContentLoader(fileSystem: fileSystem, contentRoot: options.content).load(reusing: memo?.sources)
        clock.lap("load")
        progress(BuildProgress(step: "load", done: content.pages.count, total: content.pages.count))
        content.apply(options)
        return content
    }

    /// Every step but rendering: the result has every path decided and checked, and renders each
    /// page when it is asked for (`generate()` all at once, `build()` as it writes them).
    func prepare() throws(BuildErrors) -> (site: PendingSite, memo: BuildMemo) {
        let (site, memo, _, _) = try prepare(try load(), reusing: nil, deferringSearch: false)
        return (site, memo)
    }

    /// The steps after loading. `deferringSearch` leaves the search index out of the site, its
    /// path still checked against every other, and returns what builds it instead; otherwise
    /// the index is in the site and `search` is nil. With `memo`, what the last in-memory build
    /// made is reused where it holds.
    func prepare(_ content: LoadedContent, reusing memo: BuildMemo?, deferringSearch: Bool) throws(BuildErrors)
        -> (site: PendingSite, memo: BuildMemo, search: PendingSearchIndex?, resolver: LinkResolver) {
        var clock = StepClock(timings)
        // Model: URLs, categories and order decided.
        let model = try SiteModelBuilder(content: content, related: memo?.related).build()
        clock.lap("model")

        // Link: every link between content files resolved, every broken one reported.
        let resolver = LinkResolver(model: model)
        let (links, linkErrors, resolved) = resolver.resolveAll(model.allSourcePages, reusing: memo?.links)
        var log = ErrorLog()
        log.add(contentsOf: linkErrors)
        try log.check()
        clock.lap("links")

        // Flows: each flow checker the content embeds, validated and compiled to its spec.
        let flows = try FlowCompiler(model: model, catalog: flowCatalog).compile()
        clock.lap("flows")

        // Render: the theme checked once, then every page.
        let overrides = try options.overridesFolder(content.config)
        let theme = try ThemeLoader(fileSystem: fileSystem, templatesRoot: options.templates, overridesRoot: overrides)
            .load(base: model.config.baseURL)
        if !flows.isEmpty { try theme.checkFlowTemplates(root: options.templates) }
        clock.lap("theme")

        // Search: the index of every guide and the FAQ; pages need only its path.
        let pendingSearch = PendingSearchIndex(model: model, timings: timings)
        var search: SearchIndexFile?
        if !deferringSearch {
            search = pendingSearch.file()
            clock.lap("search")
        }
        let renderer = PageRenderer(model: model, theme: theme, links: links, flows: flows, searchIndex: SearchIndexFile.path,
                                    bodies: memo?.bodies ?? [:])

        // Assemble: pages (still to render), assets, copied files, the search index, sitemap, robots.txt.
        var site = try SiteAssembler(model: model, theme: theme)
            .plan(renderer, flows: Array(flows.values), search: search, reserved: deferringSearch ? [pendingSearch.path] : [])
        site.warnings = content.warnings
        site.drafts = content.drafts.count
        clock.lap("assemble")
        var next = BuildMemo(sources: content.parsed, links: resolved)
        if memo != nil { next.related = model.relatedMemo }
        return (site, next, deferringSearch ? pendingSearch : nil, resolver)
    }

    /// Builds the site into the output folder: only what changed since the last build when the
    /// build cache allows it (`IncrementalPublisher`), else whole through a staging folder
    /// (`Publisher`). Either way the folder ends as a clean build would leave it, and on any
    /// error in the content it is untouched.
    public func build() throws(BuildErrors) -> BuildSummary {
        try checkOutputFolder()
        do {
            try Publisher.recover(options.output)
        } catch {
            throw BuildErrors([BuildError(.output, step: .write, file: options.output,
                                          "a previous build left files beside the output folder that could not be tidied: \(error.localizedDescription)",
                                          hint: "remove the hidden `.\(URL(fileURLWithPath: options.output).lastPathComponent).staging` or `.previous` folder next to it.")])
        }
        let site = try prepare().site
        if options.strict, !site.warnings.isEmpty {
            throw BuildErrors(site.warnings.map(BuildError.init(strict:)))
        }
        var clock = StepClock(timings)
        let cache = BuildCache(folder: options.cacheFolder ?? BuildCache.defaultFolder(for: options.output), output: options.output)
        var summary = BuildSummary(pageCount: site.pageCount, fileCount: site.fileCount, output: options.output,
                                   written: site.fileCount, removed: 0, warnings: site.warnings, drafts: site.drafts)
        var entries: [String: BuildCache.Entry]?
        switch options.incremental ? cache.load() : .failure(.missing) {
        case .success(let previous):
            do {
                let outcome = try publishChanges(site, previous: previous, cache: cache)
                (summary.written, summary.removed, entries) = (outcome.written, outcome.removed, outcome.entries)
            } catch {
                // The folder may be part-way between two builds: a clean build puts it right.
                summary.cleanBecause = "\(error)"
            }
        case .failure(let rejection):
            summary.cleanBecause = options.incremental ? rejection.description : "asked to build clean"
        }
        if entries == nil {
            try? cache.invalidate()
            let keys = try Publisher(fileSystem: fileSystem).publish(site, to: options.output, progress: progress)
            entries = Self.entries(site, pageKeys: keys, folder: options.output, fileSystem: fileSystem)
        }
        clock.lap("write")
        do {
            try cache.save(entries ?? [:])
        } catch {
            summary.cacheWarning = "the build cache could not be saved (\(error.localizedDescription)); the next build will be a clean one"
        }
        PendingSite.releaseInBackground(consume site)
        return summary
    }

    /// Why a build that has a cache still goes clean.
    struct CleanBuildReason: Error, CustomStringConvertible {
        var description: String
    }

    /// Brings the output folder up to date in place, or says why a clean build must do it.
    private func publishChanges(_ site: PendingSite, previous: [String: BuildCache.Entry], cache: BuildCache) throws(CleanBuildReason)
        -> IncrementalPublisher.Outcome {
        guard FileStamp.isDirectory(options.output) else { throw CleanBuildReason(description: "the output folder is missing") }
        // `Publisher` refuses these with the error the author needs; writing in place must not try.
        guard site.paths.allSatisfy(Publisher.isSafe) else { throw CleanBuildReason(description: "a path is unsafe") }
        guard IncrementalPublisher.mostlyKnown(site.paths, previous) else {
            throw CleanBuildReason(description: "more than half of the site changed")
        }
        let keys = SiteKeys(site, fileSystem: fileSystem)
        do {
            return try IncrementalPublisher(fileSystem: fileSystem).publish(site, keys: keys, previous: previous, to: options.output, cache: cache)
        } catch let declined as IncrementalPublisher.Declined {
            throw CleanBuildReason(description: declined.reason)
        } catch {
            throw CleanBuildReason(description: "writing in place failed (\(error.localizedDescription))")
        }
    }

    /// The cache entries of a site just written whole.
    private static func entries(_ site: PendingSite, pageKeys: [UInt64], folder: String, fileSystem: any FileSystem) -> [String: BuildCache.Entry] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        let keys = pageKeys + site.files.map { SiteKeys.key($0, fileSystem: fileSystem) }
        let paths = site.paths
        let stamps = Parallel.chunks(paths.count) { range in range.map { FileStamp.of(root + "/" + paths[$0]) } }.flatMap { $0 }
        var entries: [String: BuildCache.Entry] = [:]
        entries.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            if let stamp = stamps[index] { entries[path] = BuildCache.Entry(key: keys[index], stamp: stamp) }
        }
        return entries
    }

    /// The output folder is replaced whole, so it must never hold the sources or the project,
    /// nor lie inside the sources (`OutputFolder.checkPlacement`). The overrides named in
    /// site.yml are checked when it is read.
    private func checkOutputFolder() throws(BuildErrors) {
        let inputs = [OutputFolder.Input(role: "content folder", path: options.content),
                      OutputFolder.Input(role: "templates folder", path: options.templates)]
            + (options.overrides.map { [OutputFolder.Input(role: "overrides folder", path: $0)] } ?? [])
        try OutputFolder.checkPlacement(output: options.output, inputs: inputs, project: FileManager.default.currentDirectoryPath)
    }
}

extension BuildOptions {
    /// The template overrides: `--overrides` as given, else site.yml's `templateOverrides`, which
    /// must resolve inside the project folder (the folder that holds the content folder): a
    /// site.yml comes with the content, and must not reach for templates, or assets to publish,
    /// anywhere else on the machine.
    func overridesFolder(_ config: SiteConfig) throws(BuildErrors) -> String? {
        if let overrides { return overrides }
        guard let named = config.templateOverrides else { return nil }
        let project = URL(fileURLWithPath: OutputFolder.resolved(content)).deletingLastPathComponent().path
        guard OutputFolder.contains(project, OutputFolder.resolved(named)) else {
            throw BuildErrors([BuildError(.config, step: .load, file: join(content, SiteConfig.fileName), line: config.templateOverridesLine,
                                          "`templateOverrides: \(named)` is outside the project folder `\(project)`",
                                          hint: "move the overrides into the folder that holds the content folder, or name them on the command line with `--overrides`.")])
        }
        return named
    }
}

extension SiteModel {
    var allSourcePages: [SourcePage] {
        guides.map(\.source) + (faq?.groups.map(\.source) ?? []) + [home].compactMap { $0 }
    }
}
