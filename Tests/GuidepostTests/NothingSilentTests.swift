import Foundation
import Testing
@testable import Guidepost

@Suite("Nothing an author wrote is lost without a word")
struct NothingSilentTests {
    @Test func aMisspeltFrontMatterKeyWarnsWithTheKeyItMeant() {
        let report = check(["a.md": "---\ntitle: A\nsumary: About A.\ndraftt: no\n---\nText.\n"])
        let lines = report.findings.map(\.description)
        #expect(lines.contains("content/a.md:3:1: warning: `sumary` is not a key Guidepost reads in front matter, so it is ignored"))
        #expect(report.findings.first { $0.line == 3 }?.hint == "did you mean `summary`?")
        #expect(report.findings.first { $0.line == 4 }?.hint == "did you mean `draft`?")
    }

    @Test func unknownSiteKeysWarnInEveryMap() {
        let report = check([
            "site.yml": """
                baseURL: https://help.example.com/
                templateOverides: mine
                markdown:
                  rawHtml: true
                support:
                  url: https://example.com/
                  lable: Ask us
                categories:
                  - name: A
                    descripton: Letters.
                """,
            "a.md": guideFile("A", extra: "summary: S.\n"),
        ])
        let unknown = report.findings.filter { $0.message.contains("is not a key") }
        #expect(unknown.map(\.line) == [2, 4, 7, 10])
        #expect(unknown.map(\.column) == [1, 3, 3, 5])
        #expect(unknown.map { $0.hint ?? "" } == ["did you mean `templateOverrides`?", "did you mean `rawHTML`?",
                                                  "did you mean `label`?", "did you mean `description`?"])
    }

    @Test func aKeyNothingLikeAKnownOneListsTheKeys() {
        let report = check(["a.md": "---\ntitle: A\nzzz: 1\n---\nText.\n"])
        #expect(report.findings.first { $0.line == 3 }?.hint?.hasPrefix("the keys it reads are `title`, `summary`") == true)
    }

    @Test func draftsAreLeftOutAndLinksToThemAreErrors() throws {
        let files = [
            "a.md": guideFile("A", body: "Text."),
            "wip.md": guideFile("Work in progress", extra: "draft: true\n"),
        ]
        let site = try generate(files)
        #expect(site.text("guides/wip/index.html") == nil)
        #expect(try SearchIndexReader(site: site).pages.contains { $0[1] as? String == "Work in progress" } == false)
        #expect(site.text("categories/index.html")?.contains("Work") != true)

        let errors = buildErrors(["a.md": guideFile("A", body: "See [wip](wip.md)."), "wip.md": files["wip.md"]!])
        #expect(errors.map(\.kind) == [.brokenLink])
        #expect(errors.first?.line == 4)
        #expect(errors.first?.column == 5)
        #expect(errors.first?.message.contains("a draft (`draft: true`) that is not published") == true)
    }

    @Test func draftsAreBuiltWhenAskedFor() throws {
        var tree = minimalTheme
        tree["content/wip.md"] = guideFile("WIP", extra: "draft: true\n")
        tree["content/a.md"] = guideFile("A", body: "[wip](wip.md)")
        let site = try BuildPipeline(options: BuildOptions(drafts: true), fileSystem: InMemoryFileSystem(tree)).generate()
        #expect(site.text("guides/wip/index.html") != nil)
    }

    @Test func withoutABaseURLNothingPointsAtLocalhost() throws {
        let site = try generate(["a.md": guideFile("A", body: "## Part\n"), "b.md": guideFile("B", extra: "aliases: [old]\n")],
                                theme: realTheme.compactMapValues { String(data: $0, encoding: .utf8) })
        for file in site.files {
            guard let text = site.text(file.path) else { continue }
            #expect(!text.contains("localhost"), "\(file.path)")
        }
        let guide = try #require(site.text("guides/a/index.html"))
        #expect(!guide.contains("rel=\"canonical\""))
        #expect(!guide.contains("og:url"))
        #expect(guide.contains(#""item":"/guides/a/""#) || guide.contains(#""item": "/guides/a/""#))
    }

    @Test func withoutABaseURLTheBuildWarnsOnceAtSiteYml() {
        let report = check(["site.yml": "title: T\n", "a.md": guideFile("A", extra: "summary: S.\n")])
        let baseURL = report.findings.filter { $0.message.contains("no `baseURL`") }
        #expect(baseURL.map(\.description) == ["content/site.yml:1:1: warning: the site has no `baseURL`, so its pages carry no canonical link or `og:url`, and no sitemap.xml is written"])
    }
}

@Suite struct CheckGroupingTests {
    @Test func aHintOnManyFilesIsOneLineWithACountButEachInJSON() {
        var files: [String: String] = ["index.md": "---\ntitle: Home\nlayout: home\n---\n" + (0..<6).map { "[g](g\($0).md) " }.joined() + "\n"]
        for index in 0..<6 { files["g\(index).md"] = guideFile("G \(index)") }
        files["alone.md"] = guideFile("Alone", body: "![](x.png)", extra: "summary: S.\n")
        files["x.png"] = ""
        let report = check(files)
        let lines = report.text.split(separator: "\n").map(String.init)
        let summaries = lines.filter { $0.contains("has no `summary`") }
        #expect(summaries == ["content/g0.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead (and 5 more files like it; `--format json` lists each)"])
        #expect(lines.contains { $0.hasPrefix("content/alone.md:") && $0.hasSuffix("warning: the image `x.png` has no alt text") })
        #expect(report.warningCount == 8)
        #expect(report.json.components(separatedBy: "has no `summary`").count == 7)
    }
}

/// The `sitegen` binary, where the exit code and the summary line matter.
@Suite struct NothingSilentCLITests {
    let cli = CLITests()

    @Test func theSummaryCountsDraftsAndDraftsAreBuiltOnlyWhenAsked() throws {
        let root = try cli.project(["a.md": guideFile("A"), "b.md": guideFile("B", extra: "draft: true\n"),
                                    "c.md": guideFile("C", extra: "draft: true\n")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.sitegen([], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix(", 2 drafts not published\n"), "\(run.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/guides/b/index.html").path))
        let drafts = try cli.sitegen(["build", "--drafts", "--clean"], in: root)
        #expect(drafts.status == 0)
        #expect(!drafts.stdout.contains("draft"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/guides/b/index.html").path))
    }

    @Test func anUnknownKeyWarnsAndFailsOnlyAStrictBuild() throws {
        let root = try cli.project(["a.md": "---\ntitle: A\nsumary: S.\n---\nText.\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let strict = try cli.sitegen(["build", "--strict"], in: root)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("content/a.md:3:1: error: `sumary` is not a key Guidepost reads in front matter"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path))
        let relaxed = try cli.sitegen([], in: root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("content/a.md:3:1: warning: `sumary` is not a key"))
    }

    @Test func aSiteWithoutBaseURLWarnsOnceAndWritesNoSitemap() throws {
        let root = try cli.project(["site.yml": "title: T\n", "a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.sitegen([], in: root)
        #expect(run.status == 0)
        #expect(run.stderr.components(separatedBy: "no `baseURL`").count == 2, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/sitemap.xml").path))
        let robots = try String(contentsOf: root.appendingPathComponent("public/robots.txt"), encoding: .utf8)
        #expect(!robots.contains("Sitemap"))
    }
}
