import Foundation

/// Writes the site whole into a staging folder beside the output folder and swaps it in
/// only when every file is written (Toucan's idea), so readers and hosts never see half a site
/// and no file of an earlier build survives.
public struct Publisher: Sendable {
    let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Renders each page as it writes it (`RenderLoop`), so only the pages being written are
    /// ever in memory. The pages' folders are made meanwhile by a `FolderMaker`. Returns each
    /// page's key (`PageDraft.key`), taken from the draft it renders, for the build cache.
    @discardableResult
    func publish(_ site: PendingSite, into output: OutputFolder, progress: (BuildProgress) -> Void = { _ in }) throws(BuildErrors) -> [UInt64] {
        var keys: [UInt64] = []
        try publish(into: output) { writer in
            try writer.createFolders(for: site.files.map(\.path))
            let (folders, folderIndex) = FolderWriter.folders(for: site.jobs.map(\.path.outputFile))
            let maker = FolderMaker(folders: folders, writer: writer)
            maker.start()
            defer { maker.stop() }
            let jobs = site.jobs
            do throws(WriteFailure) {
                keys = try RenderLoop(site: site).run(Array(jobs.indices), progress: progress) { number, html in
                    try maker.wait(for: folderIndex[number])
                    try writer.write(html, to: jobs[number].path.outputFile)
                }.map(\.key)
            } catch {
                throw error.cocoaError
            }
            try write(site.files, with: writer)
        }
        return keys
    }

    /// Writes the files other than pages; `replacing` unlinks what is there first (a file
    /// hard-linked from the live site, `IncrementalPublisher`).
    func write(_ files: [SiteOutput.File], with writer: FolderWriter, replacing: Bool = false) throws {
        let fileSystem = fileSystem
        let failures = files.parallelMap { file -> WriteFailure? in
            do {
                let data = switch file.contents {
                case .bytes(let data): data
                case .copy(let source): try fileSystem.read(source)
                }
                try replacing ? writer.replace(file.path, with: data) : writer.write(data, to: file.path)
                return nil
            } catch {
                return WriteFailure(error, path: file.path)
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure.cocoaError }
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
