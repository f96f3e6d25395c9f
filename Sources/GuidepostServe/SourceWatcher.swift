import Foundation
import Guidepost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits by comparing modification times and sizes between polls. Polling instead of
/// inotify or FSEvents: it works the same on Linux, macOS and network folders. The walk uses
/// readdir and lstat directly because FileManager's enumerator costs about 20 times as much,
/// which on a 5,000-guide site kept a core busy just looking.
struct SourceWatcher: Sendable {
    struct Stamp: Sendable, Equatable {
        var modified: Int64
        var size: Int64
    }

    typealias Snapshot = [String: Stamp]

    /// Folders or single files; a missing one is simply empty until it appears.
    var roots: [String]

    /// The folders a build reads before its first run: the content (with site.yml), the theme,
    /// and the overrides from `--overrides` or else from site.yml, as the build reads it.
    static func roots(content: String, templates: String, overrides: String?) -> [String] {
        roots(content: content, templates: templates, watching: overrides ?? SiteConfig.templateOverrides(inContent: content))
    }

    /// The folders to watch once a build has said which overrides it read (`BuildMemo.overrides`).
    static func roots(content: String, templates: String, watching overrides: String?) -> [String] {
        [content, templates] + [overrides].compactMap { $0 }
    }

    func snapshot() -> Snapshot {
        var snapshot: Snapshot = [:]
        for root in roots {
            let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
            var info = stat()
            guard stat(root, &info) == 0 else { continue }
            if Self.isFolder(info) {
                Self.walk(root, into: &snapshot, depth: 0)
            } else if Self.isFile(info) {
                snapshot[root] = Self.stamp(info)
            }
        }
        return snapshot
    }

    /// The files added, removed or changed between two snapshots, sorted.
    static func changes(from old: Snapshot, to new: Snapshot) -> [String] {
        let paths = Set(old.keys).union(new.keys)
        return paths.filter { old[$0] != new[$0] }.sorted()
    }

    private static func walk(_ folder: String, into snapshot: inout Snapshot, depth: Int) {
        // A symlink loop can't recurse forever; no help center nests this deep.
        guard depth < 64, let handle = opendir(folder) else { return }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // Hidden entries are skipped as the build skips them; editors' swap files change constantly.
            if name.hasPrefix(".") { continue }
            let path = folder + "/" + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if isFolder(info) {
                walk(path, into: &snapshot, depth: depth + 1)
            } else if isFile(info) {
                snapshot[path] = stamp(info)
            }
        }
    }

    private static func isFolder(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }
    private static func isFile(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFREG }

    private static func stamp(_ info: stat) -> Stamp {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Stamp(modified: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec), size: Int64(info.st_size))
    }
}
