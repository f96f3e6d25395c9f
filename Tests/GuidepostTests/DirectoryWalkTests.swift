import Foundation
import Testing
@testable import Guidepost

/// The one folder walk, in the modes its callers use (the plain listing is held to
/// FileManager's enumerator in `FastPathTests`).
@Suite struct DirectoryWalkTests {
    /// tree/{x.md, .h.md, a/y.md, a/.dot/z.md, loop -> ., link.md -> x.md}
    static func makeTree() throws -> String {
        let root = try temporaryFolder().appendingPathComponent("tree")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("a/.dot"), withIntermediateDirectories: true)
        for file in ["x.md", ".h.md", "a/y.md", "a/.dot/z.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("loop").path, withDestinationPath: ".")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.md").path, withDestinationPath: "x.md")
        return root.path
    }

    static func listing(_ walk: DirectoryWalk, _ root: String) -> [String] {
        var seen: [String] = []
        walk.walk(root) { entry in
            seen.append(entry.relative + (entry.kind == .folder ? "/" : entry.kind == .other ? "@" : ""))
            return true
        }
        return seen.sorted()
    }

    @Test func linksAreOtherAndHiddenNamesSkippedUnlessAsked() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(Self.listing(DirectoryWalk(), root) == ["a/", "a/y.md", "link.md@", "loop@", "x.md"])
        #expect(Self.listing(DirectoryWalk(includesHidden: true), root)
            == [".h.md", "a/", "a/.dot/", "a/.dot/z.md", "a/y.md", "link.md@", "loop@", "x.md"])
    }

    @Test func followedLinksAreWhatTheyPointToAndALoopStopsAtTheDepthBound() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let seen = Self.listing(DirectoryWalk(followsLinks: true, maxDepth: 3), root)
        #expect(seen.contains("link.md"))
        #expect(seen.contains("loop/loop/x.md"))
        // Three folders are opened: the root, loop and loop/loop; loop/loop/loop is seen, not read.
        #expect(seen.contains("loop/loop/loop/"))
        #expect(!seen.contains("loop/loop/loop/x.md"))
    }

    @Test func aVisitThatReturnsFalseStopsTheWalk() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var visits = 0
        let complete = DirectoryWalk().walk(root) { _ in
            visits += 1
            return false
        }
        #expect(!complete)
        #expect(visits == 1)
        #expect(!DirectoryWalk().walk(root + "/missing") { _ in true })
        #expect(DirectoryWalk().walk(root) { _ in true })
    }

    @Test func statusDescribesTheFileWithoutAnotherLookupByTheCaller() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var sizes: [String: Int] = [:]
        DirectoryWalk(followsLinks: true, maxDepth: 1).walk(root) { entry in
            if entry.kind == .file, let info = entry.status() { sizes[entry.relative] = Int(info.st_size) }
            return true
        }
        #expect(sizes == ["x.md": 1, "link.md": 1])
    }
}
