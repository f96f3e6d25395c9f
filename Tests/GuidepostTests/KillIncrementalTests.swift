import Foundation
import Guidepost
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `sitegen` binary killed with SIGKILL at random moments of incremental builds:
/// whenever it dies, the output folder is byte for byte the site before the build or the site
/// after it (hidden files and folders included, so no temporary file is inside), and the next
/// build leaves what a clean build makes.
@Suite(.timeLimit(.minutes(10))) struct KillIncrementalTests {
    static let guides = 2000

    /// Two versions of a project of small guides: `edited` changes a tenth of them, adds one and
    /// deletes one, few enough that a build goes incremental.
    static func writeProject(_ content: URL, edited: Bool) throws {
        var files: [String: String] = [:]
        for index in 0..<guides {
            let edit = edited && index % 10 == 3 ? "\nEdited for the kill test.\n" : ""
            files["Topic \(index % 20)/guide-\(index).md"] = "---\ntitle: Guide \(index)\nsummary: Guide \(index) in short.\n---\nStep one of guide \(index).\n\(edit)"
        }
        if edited {
            files["Topic 0/added.md"] = "---\ntitle: Added\n---\nNew.\n"
            files["Topic 1/guide-1.md"] = nil
            try? FileManager.default.removeItem(at: content.appendingPathComponent("Topic 1/guide-1.md"))
        } else {
            try? FileManager.default.removeItem(at: content.appendingPathComponent("Topic 0/added.md"))
        }
        // Only what differs is written, so unchanged sources keep their stamps.
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            if (try? String(contentsOf: url, encoding: .utf8)) == text { continue }
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Polls every millisecond until `ready()` or the process ends.
    static func wait(for process: Process, until ready: () -> Bool) {
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, !ready() { usleep(1_000) }
    }

    @Test func incrementalBuildsKilledAtRandomMomentsLeaveTheOldSiteOrTheNewOne() throws {
        // On tmpfs where there is one: what is tested is the order of the build's steps, not the
        // disk, and forty builds of a few thousand pages waiting on a busy disk take minutes.
        let shared = URL(fileURLWithPath: "/dev/shm")
        let root = FileManager.default.isWritableFile(atPath: shared.path)
            ? shared.appendingPathComponent("guidepost-\(UUID().uuidString)") : try temporaryFolder()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content"), output = root.appendingPathComponent("public")
        let staging = root.appendingPathComponent(".public.staging")

        // The two sites every kill must leave one of, each built clean into a folder of its own.
        var sites: [Bool: [String: Data]] = [:]
        for edited in [true, false] {
            try Self.writeProject(content, edited: edited)
            let reference = root.appendingPathComponent(edited ? "edited" : "original")
            try KillTests.build(content: content, output: reference)
            sites[edited] = try readEverything(reference)
            try FileManager.default.removeItem(at: reference)
        }
        try KillTests.build(content: content, output: output)
        try #require(try readEverything(output) == sites[false], "a clean build differs from the reference")

        // How long an uninterrupted incremental build takes here, to spread the kills over it.
        var edited = true
        try Self.writeProject(content, edited: edited)
        let started = Date()
        try KillTests.build(content: content, output: output)
        let duration = Date().timeIntervalSince(started)
        try #require(try readEverything(output) == sites[true])

        var random = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        for round in 0..<20 {
            edited.toggle()
            try Self.writeProject(content, edited: edited)
            let before = sites[!edited]
            let process = try KillTests.sitegen(content: content, output: output)
            if round % 2 == 0 {
                // Any moment of the build.
                usleep(UInt32(Double.random(in: 0...duration, using: &random) * 1_000_000))
            } else {
                // A moment after the build started to make the new site beside the old one.
                Self.wait(for: process) { FileManager.default.fileExists(atPath: staging.path) }
                usleep(UInt32(Double.random(in: 0...(duration / 3), using: &random) * 1_000_000))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = try readEverything(output)
            let outcome = after == before ? "old" : after == sites[edited] ? "new" : "mixed"
            outcomes[outcome, default: 0] += 1
            let strays = Set(after.keys).symmetricDifference(Set((sites[edited] ?? [:]).keys)).sorted().prefix(5)
            #expect(outcome != "mixed", "round \(round): the output is neither the old site nor the new one; \(strays)")

            try KillTests.build(content: content, output: output)
            #expect(try readEverything(output) == sites[edited], "round \(round): the build after a kill differs from a clean build")
            #expect(!FileManager.default.fileExists(atPath: staging.path), "round \(round): the staging folder was left behind")
        }
        #expect(outcomes["mixed"] == nil, "\(outcomes)")
    }
}
