import Foundation

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
    let fileSystem: any FileSystem

    init(_ folder: String, fileSystem: any FileSystem = LocalFileSystem()) {
        name = folder
        self.fileSystem = fileSystem
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
        if exists(retired) {
            if exists(target) {
                try remove(retired)
            } else {
                try fileSystem.move(retired.path, to: target.path)
            }
        }
        if exists(staging) { try remove(staging) }
    }

    /// An empty staging folder, its parents made as needed. What an earlier build left there
    /// was tidied before this build began (`prepare`).
    func makeStaging() throws {
        try fileSystem.createFolders(target.deletingLastPathComponent().path)
        guard !exists(staging) else { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: staging.path]) }
        try fileSystem.createFolder(staging.path)
    }

    /// A staging folder that starts as the output folder: its folders made again, each of its
    /// `files` hard-linked (no data copied, the same inode, so the build cache's stamps hold).
    /// A file in it must then be replaced, never written into: the inode is the live site's.
    func makeStaging(cloning folders: [String], _ files: [String]) throws {
        try makeStaging()
        let writer = FolderWriter(fileSystem: fileSystem, root: staging.path)
        for level in Self.levels(folders) {
            try Parallel.blocking(level.count) { try writer.createFolder(level[$0]) }
        }
        let (from, to, fileSystem) = (target.path, staging.path, fileSystem)
        try Parallel.blocking(files.count) { index in
            try fileSystem.link(from + "/" + files[index], as: to + "/" + files[index])
        }
    }

    /// Removes the folder `url` and everything in it, many entries at a time: a site is
    /// thousands of folders, and removing them one by one waits on the disk for each.
    func remove(_ url: URL) throws {
        let root = url.path, fileSystem = fileSystem
        guard fileSystem.entry(root) == .folder, let (files, folders) = fileSystem.listing(root) else {
            // A link, or something other than files and folders in it: the careful, slower way,
            // which removes a link rather than what it points to.
            try fileSystem.removeItem(root)
            return
        }
        try Parallel.blocking(files.count) { try fileSystem.removeFile(root + "/" + files[$0]) }
        for level in Self.levels(folders).reversed() {
            try Parallel.blocking(level.count) { try fileSystem.removeFolder(root + "/" + level[$0]) }
        }
        try fileSystem.removeFolder(root)
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

    /// Puts the staging folder in the output folder's place and removes the old site. Where the
    /// system can, the two are exchanged in one step; elsewhere the old site is moved aside
    /// first, and `recover` puts it back if the build dies between the two renames.
    func swapIn() throws {
        guard exists(target) else {
            try fileSystem.move(staging.path, to: target.path)
            return
        }
        if fileSystem.exchange(staging.path, target.path) {
            // The staging folder's name now holds the old site.
            try remove(staging)
            return
        }
        try fileSystem.move(target.path, to: retired.path)
        try fileSystem.move(staging.path, to: target.path)
        try remove(retired)
    }

    /// After a failed build: the staging folder goes, and an old site moved aside comes back.
    func abandon() {
        try? remove(staging)
        if !exists(target), exists(retired) { try? fileSystem.move(retired.path, to: target.path) }
    }

    private func exists(_ url: URL) -> Bool { fileSystem.entry(url.path) != nil }
}
