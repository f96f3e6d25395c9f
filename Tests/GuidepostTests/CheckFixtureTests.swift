import Foundation
import Testing
@testable import Guidepost

/// Checks content on an in-memory tree: `files` are paths below `content/`.
func check(_ files: [String: String], theme: [String: String] = minimalTheme) -> CheckReport {
    var tree = theme
    for (path, text) in withBaseURL(files) { tree["content/" + path] = text }
    var pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(tree))
    pipeline.flowCatalog = [testFlow]
    return pipeline.check()
}

let checkFixture = repositoryRoot.appendingPathComponent("Tests/GuidepostTests/Fixtures/check")

/// `sitegen check` on a fixture with exactly one of each problem it knows.
@Suite struct CheckFixtureTests {
    func checkFixtureInMemory() throws -> CheckReport {
        var tree = minimalTheme.mapValues { Data($0.utf8) }
        for (path, data) in try readTree(checkFixture.appendingPathComponent("content")) { tree["content/" + path] = data }
        return BuildPipeline(fileSystem: InMemoryFileSystem(data: tree)).check()
    }

    @Test func reportsEachProblemOnceSortedByPathThenLine() throws {
        let report = try checkFixtureInMemory()
        #expect(report.findings.map(\.description) == [
            "content/Basics/photos.md:10:22: warning: the image `screen.png` has no alt text",
            "content/Basics/privacy-basics.md:2:1: warning: the title `privacy` is also the title of content/Settings/privacy.md",
            "content/Basics/welcome.md:8:27: error: the link `../Settings/settings.md#volume` points to a heading `#volume` that content/Settings/settings.md does not have",
            "content/Basics/welcome.md:10:22: error: the link `archive.md` points to `Basics/archive.md`, which does not exist",
            "content/Settings/legacy.md:1:1: warning: no other page links to this guide, so readers reach it only by browsing its category or searching",
            "content/Settings/privacy.md:2:1: warning: the title `Privacy` is also the title of content/Basics/privacy-basics.md",
            "content/Settings/settings.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead",
            "content/Settings/settings.md:9:1: warning: the heading `Volume levels` jumps from level 2 to level 4",
        ])
        #expect(report.summary == "2 errors, 6 warnings")
        #expect(report.hasErrors)
    }

    @Test func findsEveryErrorABuildStopsAt() throws {
        var tree = minimalTheme
        for (path, data) in try readTree(checkFixture.appendingPathComponent("content")) {
            tree["content/" + path] = String(decoding: data, as: UTF8.self)
        }
        let build: [BuildError]
        do {
            _ = try BuildPipeline(fileSystem: InMemoryFileSystem(tree)).generate()
            build = []
        } catch {
            build = error.errors
        }
        let errors = try checkFixtureInMemory().findings.filter { $0.severity == .error }
        #expect(!build.isEmpty)
        #expect(errors.map { [$0.file, "\($0.line)", $0.message] } == build.map { [$0.file ?? "", "\($0.line ?? 0)", $0.message] })
    }

    @Test func strictRaisesEveryWarningToAnError() throws {
        let strict = try checkFixtureInMemory().treatingWarningsAsErrors()
        #expect(strict.summary == "8 errors, 0 warnings")
        #expect(strict.findings.allSatisfy { $0.severity == .error })
        #expect(strict.text.split(separator: "\n").first == "content/Basics/photos.md:10:22: error: the image `screen.png` has no alt text")
    }

    @Test func jsonHasOneObjectPerFindingWithKeysInAFixedOrder() throws {
        let report = CheckReport([
            CheckFinding(file: "content/b.md", severity: .warning, message: "no summary"),
            CheckFinding(file: "content/a \"quoted\".md", line: 3, column: 7, severity: .error,
                         message: "the link `x\\y` is broken", hint: "fix it\tnow"),
        ])
        #expect(report.json == """
            [
              {"file": "content/a \\"quoted\\".md", "line": 3, "column": 7, "severity": "error", "message": "the link `x\\\\y` is broken", "hint": "fix it\\tnow"},
              {"file": "content/b.md", "line": 1, "column": 1, "severity": "warning", "message": "no summary", "hint": null}
            ]

            """)
        #expect(CheckReport([]).json == "[]\n")
    }

    @Test func jsonParsesBackToTheSameFindings() throws {
        let report = try checkFixtureInMemory()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [[String: Any]])
        #expect(parsed.count == report.findings.count)
        for (object, finding) in zip(parsed, report.findings) {
            #expect(object["file"] as? String == finding.file)
            #expect(object["line"] as? Int == finding.line)
            #expect(object["column"] as? Int == finding.column)
            #expect(object["severity"] as? String == finding.severity.rawValue)
            #expect(object["message"] as? String == finding.message)
            #expect(object["hint"] as? String == finding.hint)
        }
    }

    @Test func theSummaryCountsInTheSingular() {
        let report = CheckReport([
            CheckFinding(file: "a.md", severity: .error, message: "x"),
            CheckFinding(file: "a.md", severity: .warning, message: "y"),
        ])
        #expect(report.summary == "1 error, 1 warning")
        #expect(CheckReport([]).summary == "0 errors, 0 warnings")
    }
}
