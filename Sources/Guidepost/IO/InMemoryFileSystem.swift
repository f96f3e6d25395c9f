import Foundation
import Synchronization

/// A tree held in memory: paths are plain strings joined with "/". Reads and writes, so a
/// whole build, publishing and rebuilding included, runs in a test without a disk. Copies share
/// one tree, as two handles on one disk would.
public struct InMemoryFileSystem: FileSystem {
    private struct Node: Sendable {
        var data: Data
        /// The inode is a new random number per written file, shared by its links.
        var stamp: FileStamp
    }

    private struct Tree: Sendable {
        var files: [String: Node] = [:]
        /// Folders made by `createFolder`; a folder that holds a file exists without it.
        var folders: Set<String> = []
    }

    private final class Storage: Sendable {
        let tree: Mutex<Tree>
        init(_ tree: Tree) { self.tree = Mutex(tree) }
    }

    private let storage: Storage

    public init(_ files: [String: String]) {
        self.init(data: files.mapValues { Data($0.utf8) })
    }

    public init(data: [String: Data]) {
        storage = Storage(Tree(files: data.mapValues { Self.node($0) }))
    }

    /// Every file's bytes, by path.
    public var contents: [String: Data] {
        storage.tree.withLock { $0.files.mapValues(\.data) }
    }

    private static func node(_ data: Data) -> Node {
        Node(data: data, stamp: FileStamp(size: Int64(data.count), seconds: 0, nanoseconds: 0, inode: UInt64.random(in: 1...UInt64.max)))
    }

    private static func prefix(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }

    private func withTree<Result>(_ body: (inout Tree) throws -> Result) rethrows -> Result {
        try storage.tree.withLock { try body(&$0) }
    }

    public func isDirectory(_ path: String) -> Bool { entry(path) == .folder }

    public func isFile(_ path: String) -> Bool { withTree { $0.files[path] != nil } }

    public func files(under root: String) throws -> [String] {
        let prefix = Self.prefix(root)
        return withTree { tree in
            tree.files.keys
                .filter { $0.hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count)) }
                .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
        }
    }

    public func read(_ path: String) throws -> Data {
        guard let data = withTree({ $0.files[path]?.data }) else { throw CocoaError(.fileReadNoSuchFile) }
        return data
    }

    public func stamp(_ path: String) -> FileStamp? { withTree { $0.files[path]?.stamp } }

    public func entry(_ path: String) -> FileEntry? {
        withTree { tree in
            if tree.files[path] != nil { return .file }
            let prefix = Self.prefix(path)
            if tree.folders.contains(path) || tree.files.keys.contains(where: { $0.hasPrefix(prefix) }) { return .folder }
            return nil
        }
    }

    public func listing(_ root: String) -> (files: [String], folders: [String])? {
        let prefix = Self.prefix(root)
        return withTree { tree in
            let files = tree.files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            var folders = Set(tree.folders.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
            for file in files {
                var parts = file.split(separator: "/").dropLast()
                while !parts.isEmpty {
                    folders.insert(parts.joined(separator: "/"))
                    parts = parts.dropLast()
                }
            }
            // Sorted, a folder comes before everything in it.
            return (files, folders.sorted())
        }
    }

    public func createFolder(_ path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard parent.isEmpty || parent == "/" || entry(parent) == .folder else { throw CocoaError(.fileNoSuchFile) }
        guard !isFile(path) else { throw CocoaError(.fileWriteFileExists) }
        withTree { _ = $0.folders.insert(path) }
    }

    public func createFolders(_ path: String) throws {
        var current = ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty && !path.hasPrefix("/") ? "" : "/") + part
            if entry(current) != .folder { try createFolder(current) }
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer, to path: String, fresh: Bool) throws {
        let parent = (path as NSString).deletingLastPathComponent
        guard parent.isEmpty || entry(parent) == .folder else { throw CocoaError(.fileNoSuchFile) }
        let data = Data(bytes)
        try withTree { tree in
            if fresh, tree.files[path] != nil { throw CocoaError(.fileWriteFileExists) }
            tree.files[path] = Self.node(data)
        }
    }

    public func removeFile(_ path: String) throws { withTree { _ = $0.files.removeValue(forKey: path) } }

    public func removeFolder(_ path: String) throws {
        let prefix = Self.prefix(path)
        try withTree { tree in
            guard !tree.files.keys.contains(where: { $0.hasPrefix(prefix) }) else { throw CocoaError(.fileWriteUnknown) }
            tree.folders = tree.folders.filter { $0 != path && !$0.hasPrefix(prefix) }
        }
    }

    public func removeItem(_ path: String) throws {
        let prefix = Self.prefix(path)
        withTree { tree in
            tree.files = tree.files.filter { $0.key != path && !$0.key.hasPrefix(prefix) }
            tree.folders = tree.folders.filter { $0 != path && !$0.hasPrefix(prefix) }
        }
    }

    public func move(_ source: String, to destination: String) throws {
        guard entry(destination) == nil else { throw CocoaError(.fileWriteFileExists) }
        withTree { tree in
            let (files, folders) = Self.take(source, from: &tree)
            Self.put(files, folders, at: destination, into: &tree)
        }
    }

    public func exchange(_ first: String, _ second: String) -> Bool {
        withTree { tree in
            let one = Self.take(first, from: &tree), two = Self.take(second, from: &tree)
            Self.put(one.files, one.folders, at: second, into: &tree)
            Self.put(two.files, two.folders, at: first, into: &tree)
        }
        return true
    }

    public func link(_ existing: String, as new: String) throws {
        try withTree { tree in
            guard let node = tree.files[existing], tree.files[new] == nil else { throw CocoaError(.fileWriteFileExists) }
            tree.files[new] = node
        }
    }

    /// Removes `path` and everything below it, returning them relative to it ("" for itself).
    private static func take(_ path: String, from tree: inout Tree) -> (files: [String: Node], folders: Set<String>) {
        let prefix = Self.prefix(path)
        var files: [String: Node] = [:], folders: Set<String> = []
        for (key, node) in tree.files where key == path || key.hasPrefix(prefix) {
            files[key == path ? "" : String(key.dropFirst(prefix.count))] = node
        }
        for folder in tree.folders where folder == path || folder.hasPrefix(prefix) {
            folders.insert(folder == path ? "" : String(folder.dropFirst(prefix.count)))
        }
        tree.files = tree.files.filter { $0.key != path && !$0.key.hasPrefix(prefix) }
        tree.folders = tree.folders.filter { $0 != path && !$0.hasPrefix(prefix) }
        return (files, folders)
    }

    private static func put(_ files: [String: Node], _ folders: Set<String>, at path: String, into tree: inout Tree) {
        for (relative, node) in files { tree.files[relative.isEmpty ? path : path + "/" + relative] = node }
        for relative in folders { tree.folders.insert(relative.isEmpty ? path : path + "/" + relative) }
    }
}
