import Foundation
import Testing
@testable import Guidepost

/// The output folder only ever holds a complete build: a failed build leaves it as it was and
/// a good one leaves nothing of the one before.
@Suite struct PublishTests {
    private func project(_ content: [String: String]) throws -> URL {
        let root = try temporaryFolder()
        var tree = minimalTheme
        for (path, text) in content { tree["content/" + path] = text }
        try writeTree(tree, to: root)
        return root
    }

    private func options(_ root: URL) -> BuildOptions {
        BuildOptions(content: root.appendingPathComponent("content").path,
                     templates: root.appendingPathComponent("templates").path,
                     output: root.appendingPathComponent("public").path)
    }

    @Test func aFailedBuildLeavesTheOutputExactlyAsItWas() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try BuildPipeline(options: options(root)).build()
        let before = try readTree(root.appendingPathComponent("public"))

        try writeTree(["content/a.md": guideFile("A", body: "[broken](nowhere.md)")], to: root)
        #expect(throws: BuildErrors.self) { try BuildPipeline(options: options(root)).build() }

        #expect(try readTree(root.appendingPathComponent("public")) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".public") }
        #expect(leftovers.isEmpty)
    }

    @Test func noStaleFileSurvivesARebuild() throws {
        let root = try project(["a.md": guideFile("A"), "b.md": guideFile("B")])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try BuildPipeline(options: options(root)).build()
        let stray = root.appendingPathComponent("public/stray.html")
        try Data("old".utf8).write(to: stray)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/b.md"))

        _ = try BuildPipeline(options: options(root)).build()

        let files = try readTree(root.appendingPathComponent("public")).keys
        #expect(!files.contains("stray.html"))
        #expect(!files.contains("guides/b/index.html"))
        #expect(files.contains("guides/a/index.html"))
    }

    @Test func aBuildKilledBetweenTheTwoRenamesIsRepairedByTheNext() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try BuildPipeline(options: options(root)).build()
        // What a kill right after retiring the old site leaves behind.
        try FileManager.default.moveItem(at: root.appendingPathComponent("public"), to: root.appendingPathComponent(".public.previous"))
        try writeTree(["content/a.md": guideFile("A", body: "[broken](nowhere.md)")], to: root)

        #expect(throws: BuildErrors.self) { try BuildPipeline(options: options(root)).build() }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/guides/a/index.html").path))
    }

    @Test func refusesAnOutputFolderThatHoldsTheSources() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        var unsafe = options(root)
        unsafe.output = root.path
        #expect { try BuildPipeline(options: unsafe).build() } throws: { error in
            (error as? BuildErrors)?.errors.first?.kind == .output
        }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("content/a.md").path))
    }

    @Test(arguments: ["../x", "/etc/passwd", "a/../../b", "a//b", "", "a/./b"])
    func unsafeOutputPathsAreRejected(_ path: String) {
        #expect(!Publisher.isSafe(path))
    }

    @Test func ordinaryOutputPathsAreAccepted() {
        #expect(Publisher.isSafe("guides/a/index.html"))
        #expect(Publisher.isSafe("media/безопасность/photo.png"))
    }
}
