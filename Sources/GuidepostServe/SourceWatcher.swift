import Foundation
import Guidepost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits by comparing modification times and sizes between polls. Polling instead of
/// inotify or FSEvents: it works the same on Linux, macOS and network folders. The walk is
/// `DirectoryWalk`'s, since FileManager's enumerator kept a core busy just looking on a
/// 5,000-guide site.
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
                Self.walk(root, into: &snapshot)
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

    /// Links followed, as the build reads through them; hidden entries skipped as the build
    /// skips them (editors' swap files change constantly). No help center nests 64 deep: the
    /// bound only stops a link loop.
    private static func walk(_ folder: String, into snapshot: inout Snapshot) {
        DirectoryWalk(followsLinks: true, maxDepth: 64).walk(folder) { entry in
            if entry.kind == .file, let info = entry.status() { snapshot[entry.path] = stamp(info) }
            return true
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
