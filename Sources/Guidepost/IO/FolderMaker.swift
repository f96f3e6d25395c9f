import Foundation

/// Creates folders on a thread of its own, in order, while pages render on every core.
///
/// A large site is thousands of folders in one parent (`guides/<slug>/`), and the kernel creates
/// them one at a time under that parent's lock: on some file systems (ext4 without a journal,
/// just after an old site was deleted) each takes the better part of a millisecond. Made up
/// front, they held up all rendering; made by the rendering threads, those threads queue on the
/// lock. A thread of their own keeps them out of the way: a page waits only if its folder is
/// not made yet when its HTML is ready.
final class FolderMaker: @unchecked Sendable {
    // Unchecked: the mutable state below is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var created = 0
    private var failure: (any Error)?
    private var stopping = false
    private var running = false

    let folders: [String]
    let writer: FolderWriter

    init(folders: [String], writer: FolderWriter) {
        self.folders = folders
        self.writer = writer
    }

    /// Starts creating `folders`, parents before children as `FolderWriter.folders(for:)` lists them.
    func start() {
        condition.lock()
        running = true
        condition.unlock()
        // A thread rather than a dispatch queue: the pool's threads are all busy rendering, and a
        // queued block might not run until they wait for it.
        let thread = Thread { [self] in run() }
        thread.start()
    }

    private func run() {
        for (index, folder) in folders.enumerated() {
            condition.lock()
            let stop = stopping
            condition.unlock()
            if stop { break }
            do {
                try writer.createFolder(folder)
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
                break
            }
            condition.lock()
            created = index + 1
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        running = false
        condition.broadcast()
        condition.unlock()
    }

    /// Returns once `folders[index]` and every folder before it exist; a negative index (the
    /// output folder itself) needs no wait.
    func wait(for index: Int) throws {
        guard index >= 0 else { return }
        condition.lock()
        defer { condition.unlock() }
        while created <= index && failure == nil && running { condition.wait() }
        if let failure { throw failure }
        if created <= index { throw FolderWriter.Failure(path: folders[index], code: ECANCELED) }
    }

    /// Stops creating folders and returns once the thread has ended, so nothing is made in the
    /// staging folder after this (on failure it is deleted next).
    func stop() {
        condition.lock()
        stopping = true
        while running { condition.wait() }
        condition.unlock()
    }
}
