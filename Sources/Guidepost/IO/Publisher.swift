import Foundation

/// Writes the site whole into a staging folder beside the output folder and swaps it in
/// only when every file is written (Toucan's idea), so readers and hosts never see half a site
/// and no file of an earlier build survives.
public struct Publisher: Sendable {
    let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Renders each page as it writes it, on every core, so only the pages being written are
    /// ever in memory. The pages' folders are made meanwhile by a `FolderMaker`. Returns each
    /// page's key (`PageDraft.key`), taken from the draft it renders, for the build cache.
    @discardableResult
    func publish(_ site: PendingSite, into output: OutputFolder, progress: (BuildProgress) -> Void = { _ in }) throws(BuildErrors) -> [UInt64] {
        var keys: [UInt64] = []
        keys.reserveCapacity(site.jobs.count)
        try publish(into: output) { writer in
            try writer.createFolders(for: site.files.map(\.path))
            let (folders, folderIndex) = FolderWriter.folders(for: site.jobs.map(\.path.outputFile))
            let maker = FolderMaker(folders: folders, writer: writer)
            maker.start()
            defer { maker.stop() }
            let renderer = site.renderer
            for batch in PendingSite.batches(site.jobs.count) {
                // One page a chunk: the cores take pages in order, as the folders are made.
                let results = Parallel.chunks(batch.count, perCore: batch.count) { range -> (keys: [UInt64], failure: String?) in
                    var keys: [UInt64] = []
                    for offset in range {
                        let number = batch.lowerBound + offset
                        let job = site.jobs[number]
                        do {
                            let draft = renderer.draft(job)
                            keys.append(renderer.key(draft))
                            let html = renderer.render(draft).html
                            try maker.wait(for: folderIndex[number])
                            try writer.write(html, to: job.path.outputFile)
                        } catch {
                            return (keys, Self.describe(error, job.path.outputFile))
                        }
                    }
                    return (keys, nil)
                }
                if let failure = results.compactMap(\.failure).first { throw Self.failure(failure) }
                keys += results.flatMap(\.keys)
                progress(BuildProgress(.render, done: batch.upperBound, total: site.jobs.count))
            }
            try write(site.files, with: writer)
        }
        return keys
    }

    private func write(_ files: [SiteOutput.File], with writer: FolderWriter) throws {
        let fileSystem = fileSystem
        let failures = files.parallelMap { file -> String? in
            do {
                switch file.contents {
                case .bytes(let data): try writer.write(data, to: file.path)
                case .copy(let source): try writer.write(fileSystem.read(source), to: file.path)
                }
                return nil
            } catch {
                return Self.describe(error, file.path)
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw Self.failure(failure) }
    }

    private static func describe(_ error: any Error, _ path: String) -> String {
        error is FolderWriter.Failure ? "\(error)" : "\(path): \(error.localizedDescription)"
    }

    private static func failure(_ message: String) -> CocoaError {
        CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: message])
    }

    /// Writes the site with `write` into a staging folder beside the output folder, and swaps
    /// it in; on any error the output folder is left as it was.
    private func publish(into output: OutputFolder, write: (FolderWriter) throws -> Void) throws(BuildErrors) {
        let folder = output.name
        do {
            try output.makeStaging()
            try write(FolderWriter(fileSystem: fileSystem, root: output.staging.path))
            try output.swapIn()
        } catch {
            output.abandon()
            let reason = (error as? FolderWriter.Failure).map { "\($0)" } ?? error.localizedDescription
            throw BuildErrors([BuildError(.output, step: .write, file: folder,
                                          "the site could not be written: \(reason)",
                                          hint: "check that the folder's parent exists and is writable; the previous site was left in place.")])
        }
    }

    /// A relative path with no `.`/`..` parts, no empty parts and no NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
