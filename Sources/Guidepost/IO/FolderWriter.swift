import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files into a folder through the build's `FileSystem`, naming paths relative to it.
struct FolderWriter: Sendable {
    let fileSystem: any FileSystem
    /// The folder written into; it must exist.
    let root: String

    init(fileSystem: any FileSystem = LocalFileSystem(), root: String) {
        self.fileSystem = fileSystem
        self.root = root
    }

    struct Failure: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): \(String(cString: strerror(code)))" }
    }

    /// Creates every folder the files at `paths` (relative to `root`) need, parents first.
    /// One thread: folders mostly share a parent, whose lock parallel `mkdir`s only fight over.
    func createFolders(for paths: [String]) throws {
        for folder in Self.folders(for: paths).folders { try createFolder(folder) }
    }

    /// Creates `folder` (relative to `root`) if it is not there; its parent must exist.
    func createFolder(_ folder: String) throws {
        try relative(folder) { try fileSystem.createFolder(root + "/" + folder) }
    }

    /// Runs `body`, naming a failure's path as `path` rather than its full path.
    private func relative<Result>(_ path: String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let failure as Failure {
            throw Failure(path: path, code: failure.code)
        }
    }

    /// The folders the files at `paths` need, each once and after its parent, in the order the
    /// files first need them; and for each path, the index of its own folder (-1 for the root).
    static func folders(for paths: [String]) -> (folders: [String], index: [Int]) {
        var folders: [String] = []
        var numbers: [Substring: Int] = [:]
        var index: [Int] = []
        index.reserveCapacity(paths.count)
        for path in paths {
            guard let slash = path.lastIndex(of: "/") else {
                index.append(-1)
                continue
            }
            if let known = numbers[path[..<slash]] {
                index.append(known)
                continue
            }
            // The folder and those of its parents not seen yet, outermost first.
            var missing: [Substring] = []
            var end = slash
            while numbers[path[..<end]] == nil {
                missing.append(path[..<end])
                guard let parent = path[..<end].lastIndex(of: "/") else { break }
                end = parent
            }
            for folder in missing.reversed() {
                numbers[folder] = folders.count
                folders.append(String(folder))
            }
            index.append(folders.count - 1)
        }
        return (folders, index)
    }

    /// How `write` opens its file.
    enum Mode: Sendable {
        /// Replaces the contents of any file there, in its inode.
        case truncate
        /// Makes a new file, failing if anything is there, a link included: the way to write
        /// where another may have planted a link, or where the old file's inode is shared.
        case fresh
    }

    /// Writes `bytes` to `path` (relative to `root`), replacing any file there.
    func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: Mode = .truncate) throws {
        try relative(path) { try fileSystem.write(bytes, to: root + "/" + path, fresh: mode == .fresh) }
    }

    func write(_ text: String, to path: String, mode: Mode = .truncate) throws {
        var text = text
        // A native string's UTF-8 is written as it is, without a copy into `Data`.
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path, mode: mode) }
    }

    func write(_ data: Data, to path: String, mode: Mode = .truncate) throws {
        try data.withUnsafeBytes { try write($0, to: path, mode: mode) }
    }
}

/// A file of the site that could not be made or written, named by its path in the site, as the
/// build reports it.
struct WriteFailure: Error, CustomStringConvertible {
    var description: String

    init(_ error: any Error, path: String) {
        description = error is FolderWriter.Failure ? "\(error)" : "\(path): \(error.localizedDescription)"
    }

    /// The error the output folder's writers throw, with this message.
    var cocoaError: CocoaError { CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: description]) }
}
