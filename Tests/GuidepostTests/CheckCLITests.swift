import Foundation
import Testing
@testable import Guidepost

/// `sitegen check` as an author or a CI job runs it: its lines, its exit codes, and that it
/// leaves the disk alone.
@Suite struct CheckCLITests {
    let cli = CLITests()
    /// The real theme, for the fixture, whose folder holds only content.
    let templates = repositoryRoot.appendingPathComponent("templates").path

    let cleanContent = [
        "index.md": "---\ntitle: Home\nlayout: home\n---\nStart with [A](a.md).\n",
        "a.md": guideFile("A", body: "See [B](b.md).", extra: "summary: About A.\n"),
        "b.md": guideFile("B", body: "Back to [A](a.md).", extra: "summary: About B.\n"),
    ]

    @Test func theRealContentPassesStrictWithNoFindings() throws {
        let run = try cli.sitegen(["check", "--strict"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "")
        #expect(run.stderr == "0 errors, 0 warnings\n")
    }

    @Test func cleanContentExitsZero() throws {
        let root = try cli.project(cleanContent)
        defer { try? FileManager.default.removeItem(at: root) }
        for arguments in [["check"], ["check", "--strict"]] {
            let run = try cli.sitegen(arguments, in: root)
            #expect(run.status == 0, "\(arguments): \(run.stdout)")
            #expect(run.stdout == "")
        }
    }

    @Test func warningsAloneExitZeroUnlessStrict() throws {
        var content = cleanContent
        content["b.md"] = guideFile("B", body: "Back to [A](a.md).")
        let root = try cli.project(content)
        defer { try? FileManager.default.removeItem(at: root) }
        let line = "content/b.md:1:1: %@: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead\n"

        let relaxed = try cli.sitegen(["check"], in: root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout == line.replacingOccurrences(of: "%@", with: "warning"))
        #expect(relaxed.stderr == "0 errors, 1 warning\n")

        let strict = try cli.sitegen(["check", "--strict"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stdout == line.replacingOccurrences(of: "%@", with: "error"))
        #expect(strict.stderr == "1 error, 0 warnings\n")
    }

    @Test func errorsExitOneWithEveryFindingOnItsOwnLine() throws {
        let run = try cli.sitegen(["check", "--templates", templates], in: checkFixture)
        #expect(run.status == 1)
        let expected = try CheckFixtureTests().checkFixtureInMemory().text
        #expect(run.stdout == expected)
        #expect(run.stdout.split(separator: "\n").count == 8)
        #expect(run.stderr == "2 errors, 6 warnings\n")
    }

    @Test func jsonIsAnArrayForToolsWithNothingOnStandardError() throws {
        let run = try cli.sitegen(["check", "--templates", templates, "--format", "json", "--strict"], in: checkFixture)
        #expect(run.status == 1)
        #expect(run.stderr == "")
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(findings.count == 8)
        #expect(findings.allSatisfy { $0["severity"] as? String == "error" })
        let first = try #require(run.stdout.split(separator: "\n").dropFirst().first)
        #expect(first.hasPrefix(#"  {"file": "content/Basics/photos.md", "line": 10, "column": 22, "severity": "error", "message": "#))
        #expect(first.contains(#"", "hint": "describe what it shows"#))
    }

    @Test func itWritesNothing() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var tree: [String: String] = ["public/index.html": "the previous site"]
        for (path, data) in try readTree(checkFixture.appendingPathComponent("content")) {
            tree["content/" + path] = String(decoding: data, as: UTF8.self)
        }
        try writeTree(tree, to: root)
        let fresh = try cli.project(cleanContent)
        defer { try? FileManager.default.removeItem(at: fresh) }
        let before = try readEverything(root), freshBefore = try readEverything(fresh)

        #expect(try cli.sitegen(["check", "--templates", templates], in: root).status == 1)
        #expect(try cli.sitegen(["check"], in: fresh).status == 0)

        #expect(try readEverything(root) == before)
        #expect(try readEverything(fresh) == freshBefore)
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent("public").path))
    }

    @Test func theFolderOptionsAreABuildsOptions() throws {
        let root = try cli.project(cleanContent)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("content"), to: root.appendingPathComponent("docs"))
        try FileManager.default.moveItem(at: root.appendingPathComponent("templates"), to: root.appendingPathComponent("theme"))
        #expect(try cli.sitegen(["check", "--content", "docs", "--templates", "theme"], in: root).status == 0)

        let missing = try cli.sitegen(["check", "--content", "docs", "--templates", "theme", "--overrides", "mine"], in: root)
        #expect(missing.status == 1)
        #expect(missing.stdout == "mine:1:1: error: the template overrides folder does not exist\n")
    }

    @Test(arguments: [["check", "--format", "xml"], ["check", "--output", "public"], ["check", "extra"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try cli.sitegen(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Error:"))
    }

    @Test func helpListsTheOptions() throws {
        let run = try cli.sitegen(["check", "--help"])
        #expect(run.status == 0)
        for option in ["--content", "--templates", "--overrides", "--strict", "--format"] {
            #expect(run.stdout.contains(option))
        }
    }
}
