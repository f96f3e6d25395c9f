import Foundation

extension BuildPipeline {
    /// Runs every step of a build except writing, then the author hints, and reports all of it.
    ///
    /// Where a build stops at the first step that fails, this carries on with every step that
    /// does not need the failed one's result: the theme is checked even when the content is
    /// broken, and the hints run over whatever content loaded. An author then fixes a site in
    /// one pass instead of one step per run. Nothing is written.
    public func check() -> CheckReport {
        var log = ErrorLog()
        let loaded = loadForCheck(log: &log)
        var content = loaded.content
        content?.apply(options, configRead: loaded.configLoaded)

        // Model, link and flows need every page: a missing one would show up as broken links to it.
        var model: SiteModel?
        if loaded.isComplete, let content {
            do { model = try SiteModelBuilder(content: content).build() } catch { log.add(contentsOf: error.errors) }
        }
        var links: [String: [String]] = [:]
        var flows: [String: CompiledFlow]?
        if let model {
            let resolved = LinkResolver(model: model).resolveAll(model.allSourcePages)
            links = resolved.links
            log.add(contentsOf: resolved.errors)
            do { flows = try FlowCompiler(model: model, catalog: flowCatalog).compile() } catch { log.add(contentsOf: error.errors) }
        }

        // The theme does not depend on the content, only on where site.yml says overrides are.
        var theme: Theme?
        if loaded.configLoaded {
            do {
                let overrides = try options.overridesFolder(content?.config ?? SiteConfig())
                theme = try ThemeLoader(fileSystem: fileSystem, templatesRoot: options.templates, overridesRoot: overrides)
                    .load(base: content?.config.baseURL ?? .default)
            } catch {
                log.add(contentsOf: error.errors)
            }
        }
        // A build asks this when it has compiled flows; asking the guides tells it even when a flow fails.
        if let theme, let model, model.guides.contains(where: { !$0.flowIDs.isEmpty }) {
            do { try theme.checkFlowTemplates(root: options.templates) } catch { log.add(contentsOf: error.errors) }
        }

        // Assembling catches the last clashes (an alias on a URL Guidepost uses itself); it needs
        // rendered pages, so it runs only on input a build would get that far with.
        if log.isEmpty, let model, let theme, let flows {
            let search = SearchIndexFile(SearchIndexBuilder(model: model).build())
            let pages = PageRenderer(model: model, theme: theme, links: links, flows: flows, search: search).renderAll()
            do {
                _ = try SiteAssembler(model: model, theme: theme).assemble(pages, flows: Array(flows.values), search: search)
            } catch {
                log.add(contentsOf: error.errors)
            }
        }

        var findings = log.errors.map { CheckFinding($0, contentRoot: options.content) }
        if let content {
            findings += content.warnings
            findings += AuthorHints(content: content, catalog: flowCatalog, allPagesLoaded: loaded.isComplete).findings
        }
        return CheckReport(findings)
    }

    /// What the load step gave a check: the content, or as much of it as could be read.
    private struct CheckLoad {
        var content: LoadedContent?
        /// False when a Markdown file failed to load (or nothing could be read at all).
        var isComplete: Bool
        /// False when site.yml failed, so its settings (overrides, base URL) are unknown.
        var configLoaded: Bool
    }

    /// Loads the content like a build; when files fail, loads again without them, so the hints
    /// can still look at every file that is fine.
    private func loadForCheck(log: inout ErrorLog) -> CheckLoad {
        do {
            let content = try ContentLoader(fileSystem: fileSystem, contentRoot: options.content).load()
            return CheckLoad(content: content, isComplete: true, configLoaded: true)
        } catch {
            log.add(contentsOf: error.errors)
            return loadSkipping(error)
        }
    }

    private func loadSkipping(_ failures: BuildErrors) -> CheckLoad {
        let failed = Set(failures.errors.compactMap(\.file))
        let paths = (try? fileSystem.files(under: options.content)) ?? []
        let broken = Set(paths.map { join(options.content, $0) }.filter(failed.contains))
        let configLoaded = !broken.contains(join(options.content, SiteConfig.fileName))
        // An error about the folder itself (missing, empty) leaves nothing to load.
        guard !broken.isEmpty else { return CheckLoad(content: nil, isComplete: false, configLoaded: configLoaded) }
        let rest = ContentLoader(fileSystem: HidingFileSystem(base: fileSystem, hidden: broken), contentRoot: options.content)
        let content = try? rest.load()
        let pagesFailed = broken.contains { $0.lowercased().hasSuffix(".md") }
        return CheckLoad(content: content, isComplete: content != nil && !pagesFailed, configLoaded: configLoaded)
    }
}

/// A file system without some files, so a second load skips the ones that failed the first.
private struct HidingFileSystem: FileSystem {
    let base: any FileSystem
    /// Full paths, as the loader joins them (`content/a.md`).
    let hidden: Set<String>

    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    func isFile(_ path: String) -> Bool { !hidden.contains(path) && base.isFile(path) }
    func files(under root: String) throws -> [String] {
        try base.files(under: root).filter { !hidden.contains(join(root, $0)) }
    }
    func read(_ path: String) throws -> Data { try base.read(path) }
}
