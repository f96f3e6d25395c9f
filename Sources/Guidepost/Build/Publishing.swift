extension Pipeline {
    /// The write step's work, all of it the output folder's (`OutputFolder.publish`).
    func publish(_ site: PendingSite) throws(BuildErrors) -> BuildSummary {
        let cache = BuildCache(folder: options.cacheFolder ?? BuildCache.defaultFolder(for: options.output), output: options.output,
                               fileSystem: fileSystem)
        let written = try OutputFolder(options.output, fileSystem: fileSystem)
            .publish(site, cache: cache, incremental: options.incremental, progress: progress)
        return BuildSummary(pageCount: site.pageCount, fileCount: site.fileCount, output: options.output,
                            written: written.written, removed: written.removed, cleanBecause: written.cleanBecause,
                            cacheWarning: written.cacheWarning, warnings: site.warnings, drafts: site.drafts)
    }
}
