import FlowKit
import Foundation
import HelpFlows

public struct BuildOptions: Sendable, Equatable {
    /// The folders a project has when the command line names none, declared once for every command.
    public static let defaultContent = "content", defaultTemplates = "templates", defaultOutput = "public"

    public var content = defaultContent
    public var templates = defaultTemplates
    /// Overrides site.yml's `templateOverrides`.
    public var overrides: String?
    public var output = defaultOutput
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

    public init(content: String = defaultContent, templates: String = defaultTemplates, overrides: String? = nil,
                output: String = defaultOutput, baseURL: BaseURL? = nil, cacheFolder: String? = nil, incremental: Bool = true,
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

/// The build, for each command: every entry point runs the one `Pipeline` with its policy.
public struct BuildPipeline: Sendable {
    public var options: BuildOptions
    public var fileSystem: any FileSystem
    public var progress: @Sendable (BuildProgress) -> Void
    /// The flow checkers guides may embed.
    public var flowCatalog: [Flow] = HelpFlows.all
    /// Receives each step's duration (`sitegen build --timings`).
    public var timings: @Sendable (StepTiming) -> Void = { _ in }
    /// Where guides without `updated:` get their last-updated date; nil for git's dates when
    /// the build reads the disk, and none on any other file system (git could only read the disk).
    public var lastModified: (any LastModifiedSource)?

    public init(options: BuildOptions = .init(), fileSystem: any FileSystem = LocalFileSystem(),
                progress: @escaping @Sendable (BuildProgress) -> Void = { _ in }) {
        self.options = options
        self.fileSystem = fileSystem
        self.progress = progress
    }

    var pipeline: Pipeline {
        Pipeline(options: options, fileSystem: fileSystem, flowCatalog: flowCatalog, progress: progress, timings: timings,
                 lastModified: lastModified ?? (fileSystem is LocalFileSystem ? GitLastModified() : NoLastModified()))
    }

    /// Builds the site in memory; nothing is written.
    public func generate() throws(BuildErrors) -> SiteOutput {
        let stages = pipeline.run(.generate)
        return try stages.finished(stages.output)
    }

    /// Builds the site in memory reusing what an earlier build of the same project left in
    /// `memo`, without the search index, which is most of a small rebuild's time: `output` has
    /// every other file, and `search` builds the index (its manifest at `search.path`) when asked, so the
    /// pages can be shown first (`sitegen serve`). `output` plus those files is `generate()`'s
    /// output. `search` is nil only for a site without an index.
    public func generateDeferringSearch(reusing memo: BuildMemo) throws(BuildErrors)
        -> (output: SiteOutput, memo: BuildMemo, search: PendingSearchIndex?) {
        let stages = pipeline.run(.serve(memo))
        var next = stages.memo
        next.overrides = stages.overrides
        return (try stages.finished(stages.output), next, stages.search)
    }

    /// `generateDeferringSearch(reusing:)` with the index built at once and in the output.
    func generate(reusing memo: BuildMemo) throws(BuildErrors) -> (output: SiteOutput, memo: BuildMemo) {
        let (output, next, search) = try generateDeferringSearch(reusing: memo)
        guard let search else { return (output, next) }
        var files = output.files
        files += search.build()
        var whole = SiteOutput(files: files, pageCount: output.pageCount)
        whole.renderedPages = output.renderedPages
        return (whole, next)
    }

    /// The site with every path decided and checked, its pages still to render.
    func plan() throws(BuildErrors) -> PendingSite {
        var policy = Pipeline.Policy.build
        policy.through = .assemble
        let stages = pipeline.run(policy)
        return try stages.finished(stages.site)
    }

    /// The JSON spec of a flow exactly as the site embeds it (guide URLs resolved against the
    /// content), for tools and for tests that compare the browser with Swift.
    public func flowSpecJSON(_ id: String) throws(BuildErrors) -> String? {
        let stages = pipeline.run(.flowSpec)
        let model = try stages.finished(stages.model)
        guard let flow = flowCatalog.first(where: { $0.id == id }) else { return nil }
        return try FlowCompiler(model: model, catalog: flowCatalog).compile(flow).json
    }

    /// Builds the site into the output folder: only what changed since the last build when the
    /// build cache allows it, else whole through a staging folder. Either way the folder ends as
    /// a clean build would leave it, and on any error in the content it is untouched.
    public func build() throws(BuildErrors) -> BuildSummary {
        try OutputFolder.prepare(options, fileSystem: fileSystem)
        let stages = pipeline.run(.build)
        return try stages.finished(stages.summary)
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
