import Foundation

/// Everything a build decides about `public/`, each in one place: where it may be, tidying
/// after a killed build, whether the site goes in place or whole, the build cache that tells
/// which, and the swap that puts it there.
extension OutputFolder {
    /// Before anything is read: the folder must not overlap the inputs (`checkPlacement`), and
    /// what a killed build left beside it is tidied (the one place `recover` runs), so even a
    /// build that then fails repairs the output.
    static func prepare(_ options: BuildOptions, fileSystem: any FileSystem) throws(BuildErrors) {
        let inputs = [Input(role: "content folder", path: options.content), Input(role: "templates folder", path: options.templates)]
            + (options.overrides.map { [Input(role: "overrides folder", path: $0)] } ?? [])
        try checkPlacement(output: options.output, inputs: inputs, project: FileManager.default.currentDirectoryPath)
        let folder = OutputFolder(options.output, fileSystem: fileSystem)
        do {
            try folder.recover()
        } catch {
            throw BuildErrors([BuildError(.output, step: .write, file: options.output,
                                          "a previous build left files beside the output folder that could not be tidied: \(error.localizedDescription)",
                                          hint: "remove the hidden `.\(folder.target.lastPathComponent).staging` or `.previous` folder next to it.")])
        }
    }

    /// What writing the site did.
    struct Written {
        var written: Int
        var removed = 0
        /// Why the site was written whole; nil when it went in place.
        var cleanBecause: String?
        var cacheWarning: String?
    }

    /// Writes `site`: in place when the cache (`incremental`) allows it and little changed,
    /// else whole through a fresh staging folder. Either way the folder ends as a clean build
    /// would leave it; the cache is forgotten before anything is written and saved after.
    func publish(_ site: PendingSite, cache: BuildCache, incremental: Bool, progress: (BuildProgress) -> Void) throws(BuildErrors) -> Written {
        for path in site.paths where !Publisher.isSafe(path) {
            throw BuildErrors([BuildError(.unsafePath, step: .write, file: path, "refusing to write a file whose path leaves the output folder")])
        }
        var result = Written(written: site.fileCount)
        var entries: [String: BuildCache.Entry]?
        let inPlace = incremental ? inPlacePlan(site, cache: cache) : .failure(CleanBuild("asked to build clean"))
        // Forgotten before anything is touched: a build stopped part-way leaves no cache, and the next is clean.
        let forgotten = Result { try cache.invalidate() }.mapError { CleanBuild("the cache could not be removed (\($0.localizedDescription))") }
        switch inPlace.flatMap({ plan in forgotten.map { plan } }) {
        case .success(let plan):
            do {
                let outcome = try IncrementalPublisher(fileSystem: fileSystem).publish(site, plan, in: self)
                (result.written, result.removed, entries) = (outcome.written, outcome.removed, outcome.entries)
            } catch {
                // The folder may be part-way between two builds: a clean build puts it right.
                result.cleanBecause = "writing in place failed (\(error.localizedDescription))"
            }
        case .failure(let reason):
            result.cleanBecause = reason.description
        }
        if entries == nil {
            let keys = try Publisher(fileSystem: fileSystem).publish(site, into: self, progress: progress)
            entries = wholeEntries(site, pageKeys: keys)
        }
        do {
            try cache.save(entries ?? [:])
        } catch {
            result.cacheWarning = "the build cache could not be saved (\(error.localizedDescription)); the next build will be a clean one"
        }
        return result
    }

    /// Why a build that has a cache still writes the site whole.
    struct CleanBuild: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// What writing in place would take, or why a clean build is the better way. Reads only.
    private func inPlacePlan(_ site: PendingSite, cache: BuildCache) -> Result<InPlacePlan, CleanBuild> {
        let previous: [String: BuildCache.Entry]
        switch cache.load() {
        case .success(let entries): previous = entries
        case .failure(let rejection): return .failure(CleanBuild(rejection.description))
        }
        guard fileSystem.entry(target.path) == .folder else { return .failure(CleanBuild("the output folder is missing")) }
        guard let existing = fileSystem.listing(target.path) else {
            return .failure(CleanBuild("the output folder holds something other than files and folders (a link?)"))
        }
        let paths = site.paths
        // Asked before drafting every page to compare keys, which another corpus would waste.
        let unknown = paths.lazy.filter { previous[$0] == nil }.count
        guard Self.mostlyUnchanged(unknown, of: paths.count) else { return .failure(CleanBuild("more than half of the site changed")) }
        let keys = SiteKeys(site, fileSystem: fileSystem)
        // What must be written: a new key, or a file that is no longer the one the cache knows.
        let (root, fileSystem) = (target.path, fileSystem)
        let stale = Parallel.chunks(paths.count) { range -> [Int] in
            range.filter { index in
                guard let entry = previous[paths[index]], entry.key == keys.all[index] else { return true }
                return fileSystem.stamp(root + "/" + paths[index]) != entry.stamp
            }
        }.flatMap { $0 }
        guard Self.mostlyUnchanged(stale.count, of: paths.count) else { return .failure(CleanBuild("more than half of the site changed")) }
        return .success(InPlacePlan(previous: previous, existing: existing, keys: keys, stale: stale))
    }

    /// More changed files than half the site go whole: a clean build costs about the same by
    /// then, and leaves no hard links to the last site.
    static func mostlyUnchanged(_ changed: Int, of total: Int) -> Bool { changed * 2 <= total }

    /// The cache entries of a site just written whole.
    private func wholeEntries(_ site: PendingSite, pageKeys: [UInt64]) -> [String: BuildCache.Entry] {
        let (folder, fileSystem) = (target.path, fileSystem)
        let keys = pageKeys + site.files.map { SiteKeys.key($0, fileSystem: fileSystem) }
        let paths = site.paths
        let stamps = Parallel.chunks(paths.count) { range in range.map { fileSystem.stamp(folder + "/" + paths[$0]) } }.flatMap { $0 }
        var entries: [String: BuildCache.Entry] = [:]
        entries.reserveCapacity(paths.count)
        for (index, path) in paths.enumerated() {
            if let stamp = stamps[index] { entries[path] = BuildCache.Entry(key: keys[index], stamp: stamp) }
        }
        return entries
    }
}

/// A site to write in place: the last build's entries, what the folder holds, every file's
/// key, and which files (by index in `PendingSite.paths`) must be written.
struct InPlacePlan: Sendable {
    var previous: [String: BuildCache.Entry]
    var existing: (files: [String], folders: [String])
    var keys: SiteKeys
    var stale: [Int]
}
