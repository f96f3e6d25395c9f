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

    init(_ folder: String) {
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
                try manager.removeItem(at: retired)
            } else {
                try manager.moveItem(at: retired, to: target)
            }
        }
        if exists(staging) { try manager.removeItem(at: staging) }
    }

    /// An empty staging folder, its parents made as needed.
    func makeStaging() throws {
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try recover()
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
    }

    /// A staging folder that starts as the output folder: its folders made again, each of its
    /// `files` hard-linked (no data copied, the same inode, so the build cache's stamps hold).
    /// A file in it must then be replaced, never written into: the inode is the live site's.
    func makeStaging(cloning folders: [String], _ files: [String]) throws {
        try makeStaging()
        let writer = FolderWriter(root: staging.path)
        for folder in folders { try writer.createFolder(folder) }
        let (from, to) = (target.path, staging.path)
        let failures = Parallel.chunks(files.count) { range -> FolderWriter.Failure? in
            for index in range where link(from + "/" + files[index], to + "/" + files[index]) != 0 {
                return FolderWriter.Failure(path: files[index], code: errno)
            }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
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
            try manager.removeItem(at: staging)
            return
        }
        try manager.moveItem(at: target, to: retired)
        try manager.moveItem(at: staging, to: target)
        try manager.removeItem(at: retired)
    }

    /// After a failed build: the staging folder goes, and an old site moved aside comes back.
    func abandon() {
        let manager = FileManager.default
        try? manager.removeItem(at: staging)
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
