import Foundation

extension Pipeline {
    /// The write step: only what changed since the last build when the build cache allows it
    /// (`IncrementalPublisher`), else whole through a staging folder (`Publisher`).
    func publish(_ site: PendingSite) throws(BuildErrors) -> BuildSummary {
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
        do {
            try cache.save(entries ?? [:])
        } catch {
            summary.cacheWarning = "the build cache could not be saved (\(error.localizedDescription)); the next build will be a clean one"
        }
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
}
