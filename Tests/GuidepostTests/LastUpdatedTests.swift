import Foundation
import Testing
@testable import Guidepost

/// "Last updated": front matter's `updated:`, else the file's last git commit, shown on the
/// guide, in its Article JSON-LD and as the sitemap's `<lastmod>`.
@Suite struct LastUpdatedTests {
    private var theme: [String: String] {
        var theme = minimalTheme
        theme["templates/guide.mustache"] = "{{#guide.updated}}<time datetime=\"{{date}}\">{{display}}</time>{{/guide.updated}}|{{{guide.jsonLD}}}"
        return theme
    }

    private func build(_ files: [String: String], dates: [String: String] = [:]) throws -> SiteOutput {
        var tree = theme
        for (path, text) in files { tree["content/" + path] = text }
        var pipeline = BuildPipeline(options: BuildOptions(baseURL: BaseURL("https://help.example.com/")), fileSystem: InMemoryFileSystem(tree))
        pipeline.flowCatalog = []
        pipeline.lastModified = FixedLastModified(dates)
        return try pipeline.generate()
    }

    @Test func frontMatterDateWinsOverTheSourceAndReachesPageJSONLDAndSitemap() throws {
        let output = try build([
            "a.md": guideFile("A", extra: "summary: About </script> A.\nupdated: 2024-02-29\n"),
            "b.md": guideFile("B"),
            "c.md": guideFile("C"),
        ], dates: ["a.md": "2020-01-01", "b.md": "2025-11-03"])
        let a = try #require(output.text("guides/a/index.html"))
        #expect(a.hasPrefix(#"<time datetime="2024-02-29">29 February 2024</time>|"#))
        let json = String(a.split(separator: "|", maxSplits: 1)[1])
        #expect(!json.contains("<"), "a data block must not be closable from content")
        let article = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String])
        #expect(article == ["@context": "https://schema.org", "@type": "Article", "headline": "A",
                            "description": "About </script> A.", "dateModified": "2024-02-29"])
        #expect(output.text("guides/b/index.html")?.hasPrefix(#"<time datetime="2025-11-03">3 November 2025</time>|"#) == true)
        let c = try #require(output.text("guides/c/index.html"))
        #expect(c.hasPrefix("|{"), "no date known: nothing shown")
        #expect(!c.contains("dateModified"))
        let sitemap = try #require(output.text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://help.example.com/guides/a/</loc><lastmod>2024-02-29</lastmod>"))
        #expect(sitemap.contains("<loc>https://help.example.com/guides/b/</loc><lastmod>2025-11-03</lastmod>"))
        #expect(sitemap.contains("<loc>https://help.example.com/guides/c/</loc></url>"))
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "24-01-01", "2024-1-5", "yesterday", "2024-13-01", "2024-01-05T10:00"])
    func aDateThatIsNoDayIsAnErrorAtItsLine(_ value: String) {
        let errors = buildErrors(["guides/a.md": "---\ntitle: A\nupdated: \(value)\n---\nText.\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.file == "content/guides/a.md")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("`updated: \(value)` is not a date") == true)
        #expect(errors.first?.hint?.contains("YYYY-MM-DD") == true)
    }

    @Test func gitLogOutputGivesEachFileItsNewestDate() {
        let output = Data("\u{1}2025-03-04\0\nguides/a.md\0b c/ü.md\0\u{1}2025-01-01\0\u{1}2024-12-31\0\nguides/a.md\0old.md\0".utf8)
        #expect(GitLastModified.parse(output) == ["guides/a.md": "2025-03-04", "b c/ü.md": "2025-03-04", "old.md": "2024-12-31"])
    }

    @Test func inARealRepositoryEachFileHasItsLastCommitsDayAndOutsideOneNone() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try writeTree(["content/a.md": "# A", "content/Sub folder/b.md": "# B", "other.md": "O"], to: root)
        #expect(GitLastModified().dates(under: content.path).isEmpty, "not a repository yet")
        try git(root, "init", "-q")
        try git(root, "add", ".", date: "2024-05-01T12:00:00+00:00")
        try git(root, "commit", "-q", "-m", "first", date: "2024-05-01T12:00:00+00:00")
        try Data("# A2".utf8).write(to: content.appendingPathComponent("a.md"))
        try Data("O2".utf8).write(to: root.appendingPathComponent("other.md"))
        try git(root, "commit", "-q", "-am", "second", date: "2024-06-15T23:30:00+00:00")
        let dates = GitLastModified().dates(under: content.path)
        #expect(dates == ["a.md": "2024-06-15", "Sub folder/b.md": "2024-05-01"])
        #expect(GitLastModified().dates(under: root.appendingPathComponent("missing").path).isEmpty)

        // The same build through the disk takes these dates without being told to.
        try writeTree(minimalTheme, to: root)
        let options = BuildOptions(content: content.path, templates: root.appendingPathComponent("templates").path,
                                   output: root.appendingPathComponent("public").path, baseURL: BaseURL("https://x.example/"))
        var pipeline = BuildPipeline(options: options)
        pipeline.flowCatalog = []
        let sitemap = try #require(try pipeline.generate().text("sitemap.xml"))
        #expect(sitemap.contains("<loc>https://x.example/guides/a/</loc><lastmod>2024-06-15</lastmod>"))
    }

    private func git(_ folder: URL, _ arguments: String..., date: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.com",
                             "-c", "commit.gpgsign=false"] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let date { environment["GIT_COMMITTER_DATE"] = date; environment["GIT_AUTHOR_DATE"] = date }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
    }
}
