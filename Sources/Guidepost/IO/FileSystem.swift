import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the build reads and writes, injected so the whole pipeline, publishing
/// included, can run on an in-memory tree in tests (the idea of Saga's FileIO). Paths are full
/// paths as the build joins them; nothing here follows a symbolic link it did not read through.
public protocol FileSystem: Sendable {
    func isDirectory(_ path: String) -> Bool
    func isFile(_ path: String) -> Bool
    /// Paths of all regular files below `root`, relative to it, sorted, skipping hidden entries.
    func files(under root: String) throws -> [String]
    func read(_ path: String) throws -> Data
    /// What tells, without reading it, that a file is unchanged since it was last read; nil
    /// where there is no such thing, and the file is read and compared.
    func stamp(_ path: String) -> FileStamp?

    /// What is at `path` itself (a link is `.other`, never what it points to); nil for nothing.
    func entry(_ path: String) -> FileEntry?
    /// Every file and folder below `root`, hidden ones too, folders parents first; nil if it
    /// holds anything else (a link, a device).
    func listing(_ root: String) -> (files: [String], folders: [String])?
    /// Makes the folder `path` if it is not there; its parent must exist.
    func createFolder(_ path: String) throws
    /// Makes the folder `path` and any parents missing.
    func createFolders(_ path: String) throws
    /// Writes `bytes` to `path`: `fresh` makes a new file and fails if anything is there (a
    /// link included), else any file there is truncated and written in its inode.
    func write(_ bytes: UnsafeRawBufferPointer, to path: String, fresh: Bool) throws
    /// Removes the file (or link) at `path`; nothing there is not an error.
    func removeFile(_ path: String) throws
    /// Removes the empty folder at `path`; nothing there is not an error.
    func removeFolder(_ path: String) throws
    /// Removes whatever is at `path`, a folder with everything in it, a link and not its target.
    func removeItem(_ path: String) throws
    func move(_ source: String, to destination: String) throws
    /// Swaps two paths in one step; false where that cannot be done, and nothing changed.
    func exchange(_ first: String, _ second: String) -> Bool
    /// A second name for the file at `existing`, sharing its contents and stamp.
    func link(_ existing: String, as new: String) throws
}

/// What a path holds, as `lstat` tells it.
public enum FileEntry: Sendable, Equatable {
    case file, folder, other
}

extension FileSystem {
    public func stamp(_ path: String) -> FileStamp? { nil }
}

/// The real disk.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }

    /// Through `DirectoryWalk`, as the enumerator would list them: symbolic links are not
    /// followed (not even a linked root), and names starting with `.` are skipped along with
    /// everything below them.
    public func files(under root: String) throws -> [String] {
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL.path
        var info = stat()
        guard lstat(base, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return [] }
        var result: [String] = []
        DirectoryWalk().walk(base) { entry in
            if entry.kind == .file { result.append(entry.relative) }
            return true
        }
        return result.sorted()
    }

    public func stamp(_ path: String) -> FileStamp? { FileStamp.of(path) }

    public func read(_ path: String) throws -> Data {
        // `Data(contentsOf:)` stays the fallback: it reports why a file cannot be read.
        if let data = Self.readWhole(path) { return data }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// The file's bytes through `open` and one `read` of its size, or nil on any surprise. Every
    /// page of a site is read once, and `Data(contentsOf:)` costs several times this.
    private static func readWhole(_ path: String) -> Data? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        // One byte more than the size, to see the end of the file.
        var data = Data(count: size + 1)
        let count = data.withUnsafeMutableBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let result = systemRead(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return result < 0 ? -1 : offset }
                offset += result
            }
            return offset
        }
        // A file that changed size while it was read goes the slow way.
        guard count == size else { return nil }
        data.removeLast()
        return data
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
