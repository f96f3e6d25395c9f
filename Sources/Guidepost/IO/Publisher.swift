import Foundation

/// Step five: writes the site into a staging folder beside the output folder and swaps it in
/// only when every file is written (Toucan's idea), so readers and hosts never see half a site
/// and no file of an earlier build survives.
public struct Publisher: Sendable {
    let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    public func publish(_ output: SiteOutput, to folder: String) throws(BuildErrors) {
        for file in output.files where !Self.isSafe(file.path) {
            throw BuildErrors([BuildError(.unsafePath, step: .write, file: file.path,
                                          "refusing to write a file whose path leaves the output folder")])
        }
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging")
        let retired = parent.appendingPathComponent(".\(name).previous")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try Self.recover(folder)
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            // Folders first, one thread, parents before children; then the files on every core.
            let stagingPath = staging.path
            let folders = Set(output.files.map { file in
                file.path.split(separator: "/").dropLast().joined(separator: "/")
            }).filter { !$0.isEmpty }.sorted()
            for folder in folders {
                try manager.createDirectory(atPath: stagingPath + "/" + folder, withIntermediateDirectories: true)
            }
            let fileSystem = fileSystem
            let failures = output.files.parallelMap { file -> String? in
                do {
                    let destination = URL(fileURLWithPath: stagingPath + "/" + file.path)
                    switch file.contents {
                    case .bytes(let data): try data.write(to: destination)
                    case .copy(let source): try fileSystem.read(source).write(to: destination)
                    }
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: failure])
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
                try manager.moveItem(at: staging, to: target)
                try manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: staging, to: target)
            }
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw BuildErrors([BuildError(.output, step: .write, file: folder,
                                          "the site could not be written: \(error.localizedDescription)",
                                          hint: "check that the folder's parent exists and is writable; the previous site was left in place.")])
        }
    }

    /// Tidies what a killed build left beside `folder`. A retired site with no site in its
    /// place means the kill fell between the two renames: it is the last good build, so it goes
    /// back. Runs before every build, so even a build that then fails repairs the output.
    public static func recover(_ folder: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous")
        if manager.fileExists(atPath: retired.path) {
            if manager.fileExists(atPath: target.path) {
                try manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: retired, to: target)
            }
        }
        if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
    }

    /// A relative path with no `.`/`..` parts, no empty parts and no NUL.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
