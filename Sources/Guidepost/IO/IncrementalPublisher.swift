import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Brings an output folder from the last build to this one by touching only what differs:
/// pages whose key changed are rendered and written, files the site no longer has are
/// removed, and everything else is left as it is. The result is the folder a clean build would
/// make, byte for byte.
///
/// Like `Publisher` it swaps the site in whole: the new site is made in the staging folder,
/// which starts as a hard-link copy of the output folder (a link per file, no data copied, so
/// unchanged files keep their inodes and the cache's stamps), and changed files are replaced
/// there by new files, never written into, since their inodes are still the live site's.
struct IncrementalPublisher {
    let fileSystem: any FileSystem

    struct Outcome: Sendable, Equatable {
        var written: Int
        var removed: Int
        var entries: [String: BuildCache.Entry]
    }

    /// Publishes `site` over `output` as `plan` (`OutputFolder.publish`, which decided it) says.
    func publish(_ site: PendingSite, _ plan: InPlacePlan, in output: OutputFolder) throws -> Outcome {
        let paths = site.paths
        do {
            try output.makeStaging(cloning: plan.existing.folders, plan.existing.files)
            let staging = output.staging.path
            let writer = FolderWriter(fileSystem: fileSystem, root: staging)
            let removed = try remove(plan.existing, keeping: paths, in: staging)
            try write(site, paths: paths, stale: plan.stale, into: writer)
            // Stamps taken in the staging folder hold after the swap: a rename keeps inodes.
            let entries = entries(paths: paths, keys: plan.keys, stale: plan.stale, previous: plan.previous, folder: staging)
            try output.swapIn()
            return Outcome(written: plan.stale.count, removed: removed, entries: entries)
        } catch {
            output.abandon()
            throw error
        }
    }

    /// Removes from the staging folder the files and folders the site no longer has; returns
    /// how many files went.
    private func remove(_ existing: (files: [String], folders: [String]), keeping paths: [String], in root: String) throws -> Int {
        let wanted = Set(paths)
        var removed = 0
        // Files first, so a file's name is free before a folder takes it, and the reverse.
        for path in existing.files where !wanted.contains(path) {
            try fileSystem.removeFile(root + "/" + path)
            removed += 1
        }
        let folders = Set(FolderWriter.folders(for: paths).folders)
        for folder in existing.folders.reversed() where !folders.contains(folder) {
            try fileSystem.removeFolder(root + "/" + folder)
        }
        return removed
    }

    /// Renders and writes the `stale` files, each as a new file in place of the linked one.
    private func write(_ site: PendingSite, paths: [String], stale: [Int], into writer: FolderWriter) throws {
        try writer.createFolders(for: stale.map { paths[$0] })
        let pageCount = site.jobs.count
        do throws(WriteFailure) {
            _ = try RenderLoop(site: site).run(stale.filter { $0 < pageCount }) { number, html in
                try writer.replace(paths[number], with: html)
            }
        } catch {
            throw error.cocoaError
        }
        let others = stale.filter { $0 >= pageCount }.map { site.files[$0 - pageCount] }
        try Publisher(fileSystem: fileSystem).write(others, with: writer, replacing: true)
    }

    /// The cache entries of the new site: the last build's for files left alone, new stamps
    /// for the files written.
    private func entries(paths: [String], keys: SiteKeys, stale: [Int], previous: [String: BuildCache.Entry],
                                folder: String) -> [String: BuildCache.Entry] {
        var entries: [String: BuildCache.Entry] = [:]
        entries.reserveCapacity(paths.count)
        let changed = Set(stale)
        for (index, path) in paths.enumerated() {
            if !changed.contains(index), let entry = previous[path] {
                entries[path] = entry
            } else if let stamp = fileSystem.stamp(folder + "/" + path) {
                entries[path] = BuildCache.Entry(key: keys.all[index], stamp: stamp)
            }
        }
        return entries
    }
}

/// The key of every file a build makes, in `PendingSite.paths` order: pages, then the rest.
struct SiteKeys: Sendable {
    var all: [UInt64]

    /// Drafts every page (on every core) and hashes the other files. A draft is the page's
    /// context without its template run, a small part of rendering it.
    init(_ site: PendingSite, fileSystem: any FileSystem) {
        let renderer = site.renderer
        all = site.jobs.parallelMap { renderer.key(renderer.draft($0)) }
        all += site.files.map { Self.key($0, fileSystem: fileSystem) }
    }

    static func key(_ file: SiteOutput.File, fileSystem: any FileSystem) -> UInt64 {
        var print = Fingerprint()
        switch file.contents {
        case .bytes(let data):
            print.tag(1)
            data.withUnsafeBytes { print.add(bytes: $0) }
        case .copy(let source):
            // A copied file (an image, a download) is known by its stamp, not read every build.
            print.tag(2)
            print.add(source)
            if let stamp = fileSystem.stamp(source) {
                print.add(UInt64(bitPattern: stamp.size))
                print.add(UInt64(bitPattern: stamp.seconds))
                print.add(UInt64(bitPattern: stamp.nanoseconds))
                print.add(stamp.inode)
            } else if let data = try? fileSystem.read(source) {
                data.withUnsafeBytes { print.add(bytes: $0) }
            } else {
                // Unreadable: a key that matches nothing, so the build tries to copy it and
                // reports why it cannot, as a clean build would.
                print.add(UInt64.random(in: 0...UInt64.max))
            }
        }
        return print.value
    }
}

extension FolderWriter {
    /// Replaces whatever is at `path` by a new file: the old one is unlinked first, so a file
    /// hard-linked from the live site is never written through.
    func replace(_ path: String, with html: PageHTML) throws {
        try unlinkIfPresent(path)
        try write(html, to: path, mode: .fresh)
    }

    func replace(_ path: String, with data: Data) throws {
        try unlinkIfPresent(path)
        try write(data, to: path, mode: .fresh)
    }

    private func unlinkIfPresent(_ path: String) throws {
        do {
            try fileSystem.removeFile(root + "/" + path)
        } catch let failure as Failure {
            throw Failure(path: path, code: failure.code)
        }
    }
}
