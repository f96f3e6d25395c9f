import Foundation
import Testing
@testable import Guidepost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A project edited step by step and rebuilt incrementally after each step, every result
/// compared byte for byte (files, hidden files and folders) with a clean build of the same
/// sources; and the cache distrusted whenever it or the output folder is not what it says.
@Suite struct IncrementalBuildTests {
    /// The golden fixture and the real theme, copied so the test can change them.
    final class Project {
        let root: URL
        var content: URL { root.appendingPathComponent("content") }
        var templates: URL { root.appendingPathComponent("templates") }
        var output: URL { root.appendingPathComponent("public") }
        var cleanOutput: URL { root.appendingPathComponent("clean/public") }

        init() throws {
            root = try temporaryFolder()
            try FileManager.default.copyItem(at: GoldenSiteTests.fixture("site"), to: content)
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: templates)
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func options(output: URL? = nil, incremental: Bool = true) -> BuildOptions {
            BuildOptions(content: content.path, templates: templates.path, output: (output ?? self.output).path, incremental: incremental)
        }

        @discardableResult
        func build() throws -> BuildSummary { try BuildPipeline(options: options()).build() }

        /// Builds incrementally, builds the same sources clean elsewhere, and compares the two.
        @discardableResult
        func buildAndCompare(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> BuildSummary {
            let summary = try build()
            _ = try BuildPipeline(options: options(output: cleanOutput, incremental: false)).build()
            let incremental = try readEverything(output), clean = try readEverything(cleanOutput)
            #expect(incremental.keys.sorted() == clean.keys.sorted(), "\(step): the files and folders differ from a clean build",
                    sourceLocation: sourceLocation)
            for (path, data) in clean where incremental[path] != data {
                Issue.record("\(step): \(path) differs from a clean build", sourceLocation: sourceLocation)
            }
            return summary
        }

        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(path)
            try write(path, change(try String(contentsOf: url, encoding: .utf8)))
        }

        func move(_ from: String, _ to: String) throws {
            let target = content.appendingPathComponent(to)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: content.appendingPathComponent(from), to: target)
        }

        func remove(_ path: String) throws {
            try FileManager.default.removeItem(at: content.appendingPathComponent(path))
        }

        func inode(_ path: String) -> UInt64? { FileStamp.of(output.appendingPathComponent(path).path)?.inode }

        var cacheFile: URL { root.appendingPathComponent(".sitegen-cache/public.cache") }
    }

    @Test func aScriptedSequenceOfEditsRenamesAndDeletionsMatchesCleanBuildsAtEveryStep() throws {
        let project = try Project()
        let first = try project.buildAndCompare("first build")
        #expect(first.cleanBecause == "no cache from an earlier build")
        #expect(first.written == first.fileCount)

        // Nothing changed: nothing is written.
        let idle = try project.buildAndCompare("no change")
        #expect(idle.cleanBecause == nil)
        #expect(idle.written == 0 && idle.removed == 0)

        // One guide's body, below its first paragraph: that guide and the search index only (its
        // manifest, and the term shard and fragment holding the guide's words, renamed).
        let untouched = project.inode("guides/welcome/index.html")
        let before = project.inode("guides/sign-in-safely/index.html")
        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0.replacingOccurrences(of: "Never share a code", with: "Never share a sign-in code") }
        let body = try project.buildAndCompare("a guide's body")
        #expect(body.cleanBecause == nil)
        #expect(body.written == 4, "the guide and three files of the search index; got \(body.written)")
        #expect(project.inode("guides/welcome/index.html") == untouched, "an unaffected page was rewritten")
        #expect(project.inode("guides/sign-in-safely/index.html") != before, "the edited guide was not rewritten")

        // Its first paragraph is its summary, shown wherever the guide is listed.
        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0.replacingOccurrences(of: "Use a password manager.", with: "Use a password manager, always.") }
        let summary = try project.buildAndCompare("a guide's summary")
        #expect(summary.cleanBecause == nil && summary.written > 2)
        #expect(project.inode("guides/welcome/index.html") != untouched, "the guide that lists it as related was not rewritten")

        // A title shows in lists, the pager and navigation of other pages.
        try project.edit("Getting Started/second-steps.md") { $0.replacingOccurrences(of: "title: Second steps", with: "title: Next steps") }
        let title = try project.buildAndCompare("a title")
        #expect(title.cleanBecause == nil && title.written > 3)

        // A renamed file moves its page; the old page and its folder go.
        try project.move("Getting Started/second-steps.md", "Getting Started/next-steps.md")
        let renamed = try project.buildAndCompare("a rename")
        #expect(renamed.removed >= 1)
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guides/second-steps").path))

        // A new guide in a new category folder, then the folder deleted again.
        try project.write("Billing/Invoices.md", guideFile("Invoices", body: "Find every invoice under Billing. See [welcome](<../Getting Started/welcome.md>)."))
        try project.buildAndCompare("a new category")
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guides/invoices/index.html").path))
        try project.remove("Billing")
        try project.buildAndCompare("a category deleted")

        // An image replaced: a copied file is known by its stamp, not read each build.
        try Data("new image bytes".utf8).write(to: project.content.appendingPathComponent("Getting Started/Account & Security/sign-in.png"))
        let image = try project.buildAndCompare("an image replaced")
        #expect(image.cleanBecause == nil && image.written == 1)

        // A deleted guide that others do not link to.
        try project.remove("Безопасность/Пароль.md")
        try project.buildAndCompare("a guide deleted")

        // site.yml and the theme change every page: those builds go clean, and still match.
        try project.edit("site.yml") { $0.replacingOccurrences(of: "title: Fixture Help", with: "title: Fixture Help Center") }
        let config = try project.buildAndCompare("site.yml")
        #expect(config.written > config.pageCount / 2)
        let footer = project.templates.appendingPathComponent("partials/footer.mustache")
        if FileManager.default.fileExists(atPath: footer.path) {
            try Data((try String(contentsOf: footer, encoding: .utf8) + "\n").utf8).write(to: footer)
        } else {
            let guide = project.templates.appendingPathComponent("guide.mustache")
            try Data((try String(contentsOf: guide, encoding: .utf8) + "\n").utf8).write(to: guide)
        }
        try project.buildAndCompare("a template")

        // And after all that, one more small edit is small again.
        try project.edit("Getting Started/welcome.md") { $0 + "\nOne more line.\n" }
        let last = try project.buildAndCompare("a last edit")
        #expect(last.cleanBecause == nil && last.written <= 4)
    }

    @Test func aContentErrorLeavesTheOutputAndTheCacheAsTheyWere() throws {
        let project = try Project()
        try project.build()
        let site = try readEverything(project.output), cache = try Data(contentsOf: project.cacheFile)
        try project.edit("Getting Started/welcome.md") { $0 + "\n[broken](nowhere.md)\n" }
        #expect(throws: BuildErrors.self) { try project.build() }
        #expect(try readEverything(project.output) == site)
        #expect(try Data(contentsOf: project.cacheFile) == cache)
        try project.edit("Getting Started/welcome.md") { $0.replacingOccurrences(of: "\n[broken](nowhere.md)\n", with: "\nFixed.\n") }
        #expect(try project.buildAndCompare("after the fix").cleanBecause == nil)
    }

    @Test func filesChangedByHandInTheOutputAreRewrittenAndStrayFilesRemoved() throws {
        let project = try Project()
        try project.build()
        let output = project.output
        try Data("edited by hand".utf8).write(to: output.appendingPathComponent("guides/welcome/index.html"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("sitemap.xml"))
        try Data("stray".utf8).write(to: output.appendingPathComponent("stray.txt"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("old/.hidden"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: output.appendingPathComponent("old/.hidden/x"))
        let summary = try project.buildAndCompare("hand edits in public/")
        #expect(summary.cleanBecause == nil)
        #expect(summary.written == 2 && summary.removed == 2)
    }

    static func damage(_ text: String, _ kind: String) -> Data {
        switch kind {
        case "truncated": return Data(text.prefix(text.count / 2).utf8)
        case "a changed key":
            // The first hex digit of the first entry's key, changed to another.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let first = lines[4].first == "0" ? "1" : "0"
            lines[4] = first + lines[4].dropFirst()
            return Data(lines.joined(separator: "\n").utf8)
        case "a line removed": return Data((text.split(separator: "\n").enumerated().filter { $0.offset != 5 }.map(\.element).joined(separator: "\n") + "\n").utf8)
        case "empty": return Data()
        default: return Data([0xff, 0xfe, 0x00])
        }
    }

    @Test(arguments: ["truncated", "a changed key", "a line removed", "empty", "not UTF-8"])
    func aDamagedCacheIsNeverTrusted(_ damage: String) throws {
        let project = try Project()
        try project.build()
        // The output is stale in a way only the cache could hide: a page the cache says is current.
        try project.edit("Getting Started/welcome.md") { $0 + "\nChanged while the cache was damaged.\n" }
        let text = try String(contentsOf: project.cacheFile, encoding: .utf8)
        try Self.damage(text, damage).write(to: project.cacheFile)
        let summary = try project.buildAndCompare("a cache \(damage)")
        #expect(summary.cleanBecause?.contains("damaged") == true || summary.cleanBecause == "the cache could not be read",
                "\(damage): \(summary.cleanBecause ?? "incremental")")
    }

    @Test func aCacheWrittenForAnotherOutputFolderOrByAnotherSitegenIsIgnored() throws {
        let project = try Project()
        try project.build()
        let text = try String(contentsOf: project.cacheFile, encoding: .utf8)
        let output = URL(fileURLWithPath: project.output.path).standardizedFileURL.path
        let entries = try BuildCache.parse(text, output: output, generator: BuildCache.generatorIdentity).get()
        #expect(!entries.isEmpty)

        let moved = BuildCache.serialize(entries, output: "/elsewhere/public", generator: BuildCache.generatorIdentity)
        try Data(moved.utf8).write(to: project.cacheFile)
        #expect(try project.buildAndCompare("another output").cleanBecause == "the cache was written for another output folder")

        let rebuilt = BuildCache.serialize(entries, output: output, generator: "another sitegen")
        try Data(rebuilt.utf8).write(to: project.cacheFile)
        #expect(try project.buildAndCompare("another sitegen").cleanBecause == "the cache was written by another build of sitegen")
    }

    @Test func aBuildStoppedWhileWritingInPlaceLeavesNoCacheSoTheNextIsClean() throws {
        let project = try Project()
        try project.build()
        // What a kill part-way through an incremental build leaves: the cache invalidated first,
        // a temporary file, one page new and the rest old.
        let cache = BuildCache(folder: project.root.appendingPathComponent(".sitegen-cache").path, output: project.output.path)
        try cache.invalidate()
        try Data("half".utf8).write(to: project.output.appendingPathComponent("guides/welcome/.index.html.sitegen-new"))
        try Data("new page".utf8).write(to: project.output.appendingPathComponent("guides/welcome/index.html"))
        let summary = try project.buildAndCompare("after a stopped build")
        #expect(summary.cleanBecause == "no cache from an earlier build")
    }

    @Test func aCacheTemporaryLeftByAKilledBuildIsRemovedButOneOfARunningBuildIsKept() throws {
        let project = try Project()
        try project.build()
        let folder = project.cacheFile.deletingLastPathComponent()
        // Process ids stop far below 999999999 (pid_max is at most 2^22), so that writer is gone.
        let orphan = folder.appendingPathComponent("public.cache.999999999-42.tmp")
        let running = folder.appendingPathComponent("public.cache.\(getpid())-42.tmp")
        let unrelated = folder.appendingPathComponent("notes.tmp")
        for file in [orphan, running, unrelated] { try Data("left".utf8).write(to: file) }
        try project.edit("Getting Started/second-steps.md") { $0 + "\nOne more sentence.\n" }
        _ = try project.buildAndCompare("after a build killed while saving its cache")
        #expect(!FileManager.default.fileExists(atPath: orphan.path))
        #expect(FileManager.default.fileExists(atPath: running.path))
        #expect(FileManager.default.fileExists(atPath: unrelated.path))
    }

    @Test func aLinkInTheOutputFolderMakesTheBuildCleanRatherThanWriteThroughIt() throws {
        let project = try Project()
        try project.build()
        let outside = project.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.output.appendingPathComponent("linked"), withDestinationURL: outside)
        let summary = try project.buildAndCompare("a link in public/")
        #expect(summary.cleanBecause == "the output folder holds something other than files and folders (a link?)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aDeletedOutputFolderIsBuiltCleanEvenWithACache() throws {
        let project = try Project()
        try project.build()
        try FileManager.default.removeItem(at: project.output)
        #expect(try project.buildAndCompare("public/ deleted").cleanBecause == "the output folder is missing")
        #expect(try project.build().cleanBecause == nil)
    }

    @Test func aCacheThatCannotBeSavedIsAWarningAndTheSiteIsStillComplete() throws {
        let project = try Project()
        let blocked = project.root.appendingPathComponent("not-a-folder")
        try Data("a file where the cache folder would go".utf8).write(to: blocked)
        var options = project.options()
        options.cacheFolder = blocked.path
        let summary = try BuildPipeline(options: options).build()
        #expect(summary.cacheWarning?.contains("the next build will be a clean one") == true)
        _ = try BuildPipeline(options: project.options(output: project.cleanOutput, incremental: false)).build()
        #expect(try readEverything(project.output) == readEverything(project.cleanOutput))
        #expect(try BuildPipeline(options: options).build().cleanBecause == "no cache from an earlier build")
    }

    @Test func pathsWithNewlinesAndPercentSignsSurviveTheCacheFile() throws {
        let stamp = FileStamp(size: 3, seconds: 4, nanoseconds: 5, inode: 6)
        let entries = ["a\nb/index.html": BuildCache.Entry(key: 1, stamp: stamp), "100%/x y.html": BuildCache.Entry(key: .max, stamp: stamp),
                       "%0A/literal": BuildCache.Entry(key: 0, stamp: stamp)]
        let text = BuildCache.serialize(entries, output: "/o/public", generator: "g")
        #expect(try BuildCache.parse(text, output: "/o/public", generator: "g").get() == entries)
    }

    @Test func aContextKeyChangesWithAnyValueAndNotWithDictionaryOrder() {
        func key(_ specific: [String: Any]) -> UInt64 {
            PageDraft.template(name: "guide", context: TemplateValue(DictionaryValues(specific)), path: .root, indexable: true).key(theme: 1)
        }
        let base: [String: Any] = ["a": "x", "b": ["c": 1, "d": [true, false]], "e": TemplateValue(GuideSummaryValues(title: "T", url: "/t/", summary: "S"))]
        #expect(key(base) == key(base))
        var values = base
        values["a"] = "y"
        #expect(key(values) != key(base))
        values = base
        values["b"] = ["c": 1, "d": [true, true]]
        #expect(key(values) != key(base))
        values = base
        values["e"] = TemplateValue(GuideSummaryValues(title: "T", url: "/t/", summary: "S2"))
        #expect(key(values) != key(base))
        // The same text as a string or a list of one string: not the same context.
        #expect(key(["a": "x"]) != key(["a": ["x"]]))
        #expect(key(["ab": "c"]) != key(["a": "bc"]))
        #expect(PageDraft.template(name: "guide", context: TemplateValue(DictionaryValues(base)), path: .root, indexable: true).key(theme: 2) != key(base),
                "a changed theme must change every key")
    }

    /// `sitegen serve`'s rebuilds: in memory, reusing the last build's parses and pages.
    @Test func inMemoryRebuildsRenderOnlyChangedPagesAndMatchAFreshBuild() throws {
        let project = try Project()
        var pipeline = BuildPipeline(options: project.options())
        let steps = StepLog()
        pipeline.timings = { steps.append($0) }
        /// The steps since the last call: the quick path skips the model, flows and theme.
        func stepsTaken() -> [String] {
            defer { seen = steps.all.count }
            return steps.all.dropFirst(seen).map(\.step)
        }
        var seen = 0
        func files(_ output: SiteOutput) -> [String: SiteOutput.Contents] {
            Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.contents) })
        }
        var (output, memo) = try pipeline.generate(reusing: BuildMemo())
        #expect(output.renderedPages == output.pageCount)
        #expect(files(output) == files(try pipeline.generate()))

        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(output.renderedPages == 0)

        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0.replacingOccurrences(of: "Never share a code", with: "Never share a sign-in code") }
        _ = stepsTaken()
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(stepsTaken() == ["load", "links", "render", "search"], "a body edit takes the quick path")
        #expect(output.renderedPages == 1)
        #expect(files(output) == files(try pipeline.generate()))

        // A first paragraph is body too when the front matter gives the summary.
        try project.edit("Getting Started/welcome.md") { $0.replacingOccurrences(of: "Read this first.", with: "Read this first, please.") }
        _ = stepsTaken()
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(stepsTaken() == ["load", "links", "render", "search"])
        #expect(output.renderedPages == 1)
        #expect(files(output) == files(try pipeline.generate()))

        // The quick path still checks the edited guide's links.
        let guide = "Getting Started/Account & Security/Sign in safely.md"
        try project.edit(guide) { $0.replacingOccurrences(of: "Never share a sign-in code", with: "Never share a [code](nowhere.md)") }
        #expect { try pipeline.generate(reusing: memo) } throws: { "\($0)".contains("Sign in safely.md:14:17:") && "\($0)".contains("nowhere.md") }
        try project.edit(guide) { $0.replacingOccurrences(of: "Never share a [code](nowhere.md)", with: "Never share a sign-in code") }
        _ = stepsTaken()
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(stepsTaken() == ["load", "links", "render", "search"])
        #expect(files(output) == files(try pipeline.generate()))

        // A template edit is not a body edit: every step runs, every page is made again.
        let footer = project.templates.appendingPathComponent("guide.mustache")
        let template = try String(contentsOf: footer, encoding: .utf8)
        try Data((template + "\n").utf8).write(to: footer)
        _ = stepsTaken()
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(stepsTaken().contains("model"))
        #expect(files(output) == files(try pipeline.generate()))
        try Data(template.utf8).write(to: footer)
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(files(output) == files(try pipeline.generate()))

        // A new slug moves the guide: the body of a guide that links to it must change too,
        // though that guide's own file did not.
        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0.replacingOccurrences(of: "id: 360001234", with: "id: 360001234\nslug: safe-sign-in") }
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(files(output) == files(try pipeline.generate()))
        #expect(output.text("guides/welcome/index.html")?.contains("/guides/safe-sign-in/#two-step") == true)

        // Tags decide related guides, listed on other guides' pages.
        try project.edit("Getting Started/second-steps.md") { $0.replacingOccurrences(of: "tags: [start]", with: "tags: [security]") }
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(files(output) == files(try pipeline.generate()))
        #expect(output.renderedPages > 1)

        // A heading another guide links to is renamed: that guide's links, reused so far, break.
        let signIn = "Getting Started/Account & Security/Sign in safely.md"
        try project.edit(signIn) { $0.replacingOccurrences(of: "{#two-step}", with: "{#two-factor}") }
        #expect { try pipeline.generate(reusing: memo) } throws: { error in
            "\(error)".contains("welcome.md") && "\(error)".contains("#two-step")
        }
        try project.edit(signIn) { $0.replacingOccurrences(of: "{#two-factor}", with: "{#two-step}") }
        (output, memo) = try pipeline.generate(reusing: memo)
        #expect(files(output) == files(try pipeline.generate()))

        try project.move("Getting Started/second-steps.md", "Getting Started/next-steps.md")
        try project.edit("site.yml") { $0.replacingOccurrences(of: "title: Fixture Help", with: "title: Fixture Help Center") }
        (output, memo) = try pipeline.generate(reusing: memo)
        // Every page shows the site's title, and the alias now points to the renamed guide.
        #expect(output.renderedPages == output.pageCount)
        #expect(files(output) == files(try pipeline.generate()))
    }
}
