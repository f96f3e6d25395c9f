import Foundation

/// Read access to the site's sources, injected so the whole pipeline can run on an in-memory
/// tree in tests (the idea of Saga's FileIO).
public protocol FileSystem: Sendable {
    func isDirectory(_ path: String) -> Bool
    func isFile(_ path: String) -> Bool
    /// Paths of all regular files below `root`, relative to it, sorted, skipping hidden entries.
    func files(under root: String) throws -> [String]
    func read(_ path: String) throws -> Data
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

    public func files(under root: String) throws -> [String] {
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { result.append(String(path.dropFirst(prefix.count))) }
        }
        return result.sorted()
    }

    public func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
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
