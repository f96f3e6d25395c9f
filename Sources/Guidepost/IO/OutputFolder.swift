import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder and the two hidden folders beside it through which every build, clean or
/// incremental, swaps in a whole site: `.public.staging`, where the new site is made, and
/// `.public.previous`, where the old one waits during a swap that cannot be done in one step.
/// A reader, a host or a build killed at any moment sees the old site or the new one, never a
/// mix, and no file of the build's own is ever inside the output folder.
struct OutputFolder: Sendable {
    /// The output folder, absolute and standardized.
    let target: URL
    let staging: URL
    let retired: URL

    /// The folder as the author named it, for messages.
    let name: String

    init(_ folder: String) {
        name = folder
        target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).staging")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).previous")
    }

    /// Tidies what a killed build left. A retired site with no site in its place means the kill
    /// fell between the two renames of a swap: it is the last good build, so it goes back. The
    /// staging folder is either a site not finished or, after an exchange, the old site: either
    /// way it goes. Runs before every build, so even a build that then fails repairs the output.
    func recover() throws {
        let manager = FileManager.default
        if exists(retired) {
            if exists(target) {
                try Self.remove(retired)
            } else {
                try manager.moveItem(at: retired, to: target)
            }
        }
        if exists(staging) { try Self.remove(staging) }
    }

    /// An empty staging folder, its parents made as needed. What an earlier build left there
    /// was tidied before this build began (`prepare`).
    func makeStaging() throws {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// A staging folder that starts as the output folder: its folders made again, each of its
    /// `files` hard-linked (no data copied, the same inode, so the build cache's stamps hold).
    /// A file in it must then be replaced, never written into: the inode is the live site's.
    func makeStaging(cloning folders: [String], _ files: [String]) throws {
        try makeStaging()
        let writer = FolderWriter(root: staging.path)
        for level in Self.levels(folders) {
            try Parallel.blocking(level.count) { try writer.createFolder(level[$0]) }
        }
        let (from, to) = (target.path, staging.path)
        try Parallel.blocking(files.count) { index in
            if link(from + "/" + files[index], to + "/" + files[index]) != 0 { throw FolderWriter.Failure(path: files[index], code: errno) }
        }
    }

    /// Removes the folder `url` and everything in it, many entries at a time: a site is
    /// thousands of folders, and removing them one by one waits on the disk for each.
    static func remove(_ url: URL) throws {
        guard FileStamp.isDirectory(url.path), let (files, folders) = listing(url.path) else {
            // A link, or something other than files and folders in it: the careful, slower way,
            // which removes a link rather than what it points to.
            try FileManager.default.removeItem(at: url)
            return
        }
        let root = url.path
        try Parallel.blocking(files.count) { index in
            if unlink(root + "/" + files[index]) != 0 && errno != ENOENT { throw FolderWriter.Failure(path: files[index], code: errno) }
        }
        for level in levels(folders).reversed() {
            try Parallel.blocking(level.count) { index in
                if rmdir(root + "/" + level[index]) != 0 && errno != ENOENT { throw FolderWriter.Failure(path: level[index], code: errno) }
            }
        }
        if rmdir(root) != 0 && errno != ENOENT { throw FolderWriter.Failure(path: root, code: errno) }
    }

    /// `folders` grouped by depth, outermost first: each group can be made (or, in reverse
    /// order, removed) all at once.
    private static func levels(_ folders: [String]) -> [[String]] {
        var levels: [[String]] = []
        for folder in folders {
            let depth = folder.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 }
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(folder)
        }
        return levels
    }

    /// Every file and folder below `root`, hidden ones too, folders parents first; nil if the
    /// folder holds anything else (a link, a device), which a clean build should replace.
    static func listing(_ root: String) -> (files: [String], folders: [String])? {
        var files: [String] = [], folders: [String] = []
        func walk(_ folder: String, _ relative: String) -> Bool {
            guard let directory = opendir(folder) else { return false }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name, child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { return false }
                switch info.st_mode & S_IFMT {
                case S_IFREG: files.append(child)
                case S_IFDIR:
                    folders.append(child)
                    guard walk(path, child) else { return false }
                default: return false
                }
            }
            return true
        }
        return walk(root, "") ? (files, folders) : nil
    }


    /// Puts the staging folder in the output folder's place and removes the old site. Where the
    /// system can, the two are exchanged in one step; elsewhere the old site is moved aside
    /// first, and `recover` puts it back if the build dies between the two renames.
    func swapIn() throws {
        let manager = FileManager.default
        guard exists(target) else {
            try manager.moveItem(at: staging, to: target)
            return
        }
        if Self.exchange(staging.path, target.path) {
            // The staging folder's name now holds the old site.
            try Self.remove(staging)
            return
        }
        try manager.moveItem(at: target, to: retired)
        try manager.moveItem(at: staging, to: target)
        try Self.remove(retired)
    }

    /// After a failed build: the staging folder goes, and an old site moved aside comes back.
    func abandon() {
        let manager = FileManager.default
        try? Self.remove(staging)
        if !exists(target), exists(retired) { try? manager.moveItem(at: retired, to: target) }
    }

    private func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// Swaps two paths in one step with Linux's `renameat2(…, RENAME_EXCHANGE)`. Glibc declares
    /// it only for C code built with `_GNU_SOURCE`, so it is looked up by name; false where it
    /// is missing or the file system cannot exchange, and the caller swaps in two steps.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // A null handle is RTLD_DEFAULT: every library the process has loaded.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameExchange: UInt32 = 2
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }
}
