import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one walk over a folder tree, with `readdir` and `lstat`/`stat` directly:
/// `FileManager`'s enumerator asks for each file's attributes through `URL`s and costs about 20
/// times as much, a noticeable part of loading a large site and of watching one for edits.
/// Entries are visited in `readdir`'s order, each folder before what it holds.
public struct DirectoryWalk: Sendable {
    public enum Kind: Sendable { case file, folder, other }

    public struct Entry {
        /// The folder walked, "/", and the path below it.
        public let path: String
        /// The path below the folder walked, parts joined with "/".
        public let relative: String
        public let kind: Kind
        /// The entry's `stat` (of the link's target when links are followed), when the walk
        /// needed one to tell its kind; `status()` makes one otherwise.
        let info: stat?
        let followsLinks: Bool

        public func status() -> stat? {
            if let info { return info }
            var info = stat()
            let found = followsLinks ? stat(path, &info) : lstat(path, &info)
            return found == 0 ? info : nil
        }
    }

    /// Whether names starting with `.` are visited (and walked into).
    public var includesHidden = false
    /// Whether a symbolic link is seen as what it points to; otherwise it is `.other`.
    public var followsLinks = false
    /// How many folders deep the walk goes: a link loop must not recurse forever.
    public var maxDepth = Int.max

    public init(includesHidden: Bool = false, followsLinks: Bool = false, maxDepth: Int = .max) {
        self.includesHidden = includesHidden
        self.followsLinks = followsLinks
        self.maxDepth = maxDepth
    }

    /// Visits every entry below `root`, walking into folders; `visit` returns false to stop.
    /// False when it stopped, or when a folder could not be read (the walk goes on past it).
    @discardableResult
    public func walk(_ root: String, _ visit: (Entry) -> Bool) -> Bool {
        var complete = true
        return walk(root, relative: "", depth: 0, complete: &complete, visit) && complete
    }

    private func walk(_ folder: String, relative: String, depth: Int, complete: inout Bool, _ visit: (Entry) -> Bool) -> Bool {
        guard depth < maxDepth, let directory = opendir(folder) else {
            complete = false
            return true
        }
        defer { closedir(directory) }
        while let record = readdir(directory) {
            let name = withUnsafeBytes(of: record.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." || (!includesHidden && name.hasPrefix(".")) { continue }
            let path = (folder == "/" ? "" : folder) + "/" + name
            let child = relative.isEmpty ? name : relative + "/" + name
            guard let entry = entry(path: path, relative: child, type: record.pointee.d_type) else { continue }
            guard visit(entry) else { return false }
            if entry.kind == .folder, !walk(path, relative: child, depth: depth + 1, complete: &complete, visit) {
                return false
            }
        }
        return true
    }

    /// The entry, its kind from `readdir` where that says (no `stat` for most files), or nil
    /// when it vanished before it could be looked at.
    private func entry(path: String, relative: String, type: UInt8) -> Entry? {
        let needsStatus = type == UInt8(DT_UNKNOWN) || (followsLinks && type == UInt8(DT_LNK))
        if !needsStatus {
            let kind: Kind = type == UInt8(DT_REG) ? .file : type == UInt8(DT_DIR) ? .folder : .other
            return Entry(path: path, relative: relative, kind: kind, info: nil, followsLinks: followsLinks)
        }
        var info = stat()
        guard (followsLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        let kind: Kind = switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        default: .other
        }
        return Entry(path: path, relative: relative, kind: kind, info: info, followsLinks: followsLinks)
    }
}
