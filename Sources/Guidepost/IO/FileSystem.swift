import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to the site's sources, injected so the whole pipeline can run on an in-memory
/// tree in tests (the idea of Saga's FileIO).
public protocol FileSystem: Sendable {
    func isDirectory(_ path: String) -> Bool
    func isFile(_ path: String) -> Bool
    /// Paths of all regular files below `root`, relative to it, sorted, skipping hidden entries.
    func files(under root: String) throws -> [String]
    func read(_ path: String) throws -> Data
    /// What tells, without reading it, that a file is unchanged since it was last read; nil
    /// where there is no such thing, and the file is read and compared.
    func stamp(_ path: String) -> FileStamp?
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

/// A tree held in memory: paths are plain strings joined with "/".
public struct InMemoryFileSystem: FileSystem {
    public var contents: [String: Data]

    public init(_ files: [String: String]) {
        contents = files.mapValues { Data($0.utf8) }
    }

    public init(data: [String: Data]) {
        contents = data
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return contents.keys.contains { $0.hasPrefix(prefix) }
    }

    public func isFile(_ path: String) -> Bool { contents[path] != nil }

    public func files(under root: String) throws -> [String] {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return contents.keys
            .filter { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) }
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
    }

    public func read(_ path: String) throws -> Data {
        guard let data = contents[path] else { throw CocoaError(.fileReadNoSuchFile) }
        return data
    }
}
