import Foundation

extension BuildPipeline {
    /// Runs every step of a build except writing, then the author hints, and reports all of it.
    ///
    /// Where a build stops at the first step that fails, this carries on with every step that
    /// does not need the failed one's result (`Pipeline.Policy.check`): the theme is checked
    /// even when the content is broken, and the hints run over whatever content loaded. An
    /// author then fixes a site in one pass instead of one step per run. Nothing is written.
    public func check() -> CheckReport {
        let stages = pipeline.run(.check)
        var findings = stages.errors.errors.map { CheckFinding($0, contentRoot: options.content) }
        if let content = stages.content {
            findings += content.warnings
            findings += AuthorHints(content: content, catalog: flowCatalog, allPagesLoaded: stages.loadedWhole).findings
        }
        return CheckReport(findings)
    }
}

extension Pipeline {
    /// The load step of a run that keeps going: when files fail, loads again without them, so
    /// the hints can still look at every file that is fine. Throws the failures, after `stages`
    /// has what could be loaded.
    func loadSkippingFailures(_ stages: inout Stages) throws(BuildErrors) {
        do {
            stages.content = try ContentLoader(fileSystem: fileSystem, contentRoot: options.content).load()
        } catch {
            let failed = Set(error.errors.compactMap(\.file))
            let paths = (try? fileSystem.files(under: options.content)) ?? []
            let broken = Set(paths.map { join(options.content, $0) }.filter(failed.contains))
            stages.configRead = !broken.contains(join(options.content, SiteConfig.fileName))
            // An error about the folder itself (missing, empty) leaves nothing to load.
            if !broken.isEmpty {
                let rest = ContentLoader(fileSystem: HidingFileSystem(base: fileSystem, hidden: broken), contentRoot: options.content)
                stages.content = try? rest.load()
            }
            // Without site.yml the pages are all there; without a page, links to it would break.
            stages.loadedWhole = stages.content != nil && !broken.contains { $0.lowercased().hasSuffix(".md") }
            throw error
        }
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
    func stamp(_ path: String) -> FileStamp? { base.stamp(path) }

    // A check writes nothing; these pass through so it is still a whole file system.
    func entry(_ path: String) -> FileEntry? { base.entry(path) }
    func listing(_ root: String) -> (files: [String], folders: [String])? { base.listing(root) }
    func createFolder(_ path: String) throws { try base.createFolder(path) }
    func createFolders(_ path: String) throws { try base.createFolders(path) }
    func write(_ bytes: UnsafeRawBufferPointer, to path: String, fresh: Bool) throws { try base.write(bytes, to: path, fresh: fresh) }
    func removeFile(_ path: String) throws { try base.removeFile(path) }
    func removeFolder(_ path: String) throws { try base.removeFolder(path) }
    func removeItem(_ path: String) throws { try base.removeItem(path) }
    func move(_ source: String, to destination: String) throws { try base.move(source, to: destination) }
    func exchange(_ first: String, _ second: String) -> Bool { base.exchange(first, second) }
    func link(_ existing: String, as new: String) throws { try base.link(existing, as: new) }
}
