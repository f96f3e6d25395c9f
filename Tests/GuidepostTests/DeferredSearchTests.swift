import Foundation
import Testing
@testable import Guidepost

/// `generateDeferringSearch(reusing:)`, which `sitegen serve` uses to show the pages before the
/// search index is built: the pages and the index it makes later are exactly a full build's.
@Suite struct DeferredSearchTests {
    private func files(_ output: SiteOutput) -> [String: SiteOutput.Contents] {
        Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.contents) })
    }

    /// `output` plus the index `search` builds, compared file by file with `generate()`.
    private func expectComplete(_ deferred: (output: SiteOutput, memo: BuildMemo, search: PendingSearchIndex?),
                                _ pipeline: BuildPipeline, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let full = try pipeline.generate()
        let search = try #require(deferred.search, sourceLocation: sourceLocation)
        #expect(search.path == "search/index.json", sourceLocation: sourceLocation)
        #expect(deferred.output[search.path] == nil, "the index is left out", sourceLocation: sourceLocation)
        #expect(deferred.output.pageCount == full.pageCount, sourceLocation: sourceLocation)
        var completed = files(deferred.output)
        for file in search.build() { completed[file.path] = file.contents }
        #expect(completed.keys.sorted() == full.files.map(\.path), sourceLocation: sourceLocation)
        for file in full.files where completed[file.path] != file.contents {
            Issue.record("\(file.path) differs from generate()'s", sourceLocation: sourceLocation)
        }
    }

    @Test func thePagesAndTheIndexBuiltAfterwardsAreTheFullSiteByteForByte() throws {
        let options = BuildOptions(content: GoldenSiteTests.fixture("site").path, templates: repositoryRoot.appendingPathComponent("templates").path)
        let pipeline = BuildPipeline(options: options)
        let deferred = try pipeline.generateDeferringSearch(reusing: BuildMemo())
        try expectComplete(deferred, pipeline)
        // The sitemap, `_headers` and robots.txt are made with the pages, not with the index.
        for path in ["sitemap.xml", "_headers", "robots.txt", "index.html", "search/index.html"] {
            #expect(deferred.output[path] != nil, "\(path) is missing")
        }
        // Every page names the index by its path, which the index's contents never change.
        #expect(deferred.output.text("index.html")?.contains("search/index.json") == true)
    }

    @Test func aRebuildAfterAnEditStillMatchesAFullBuild() throws {
        let project = try IncrementalBuildTests.Project()
        let pipeline = BuildPipeline(options: project.options())
        var memo = try pipeline.generateDeferringSearch(reusing: BuildMemo()).memo
        try project.edit("Getting Started/Account & Security/Sign in safely.md") {
            $0.replacingOccurrences(of: "Never share a code", with: "Never share a quokkaword code")
        }
        let rebuilt = try pipeline.generateDeferringSearch(reusing: memo)
        memo = rebuilt.memo
        #expect(rebuilt.output.renderedPages == 1)
        try expectComplete(rebuilt, pipeline)
        let files = try #require(rebuilt.search?.build())
        let index = try SearchIndexReader(files: Dictionary(uniqueKeysWithValues: files.compactMap { file in
            if case .bytes(let data) = file.contents { (file.path, data) } else { nil }
        }))
        #expect(index.terms.contains("quokkaword"))
        // The memo serves `generate(reusing:)` as well: the two entry points share it.
        #expect(try pipeline.generate(reusing: memo).output.renderedPages == 0)
    }

    /// The `search` step is timed when the index is built, not with the pages.
    @Test func theSearchStepIsReportedWhenTheIndexIsBuilt() throws {
        let steps = StepLog()
        var pipeline = BuildPipeline(options: BuildOptions(content: GoldenSiteTests.fixture("site").path,
                                                           templates: repositoryRoot.appendingPathComponent("templates").path))
        pipeline.timings = { steps.append($0) }
        let deferred = try pipeline.generateDeferringSearch(reusing: BuildMemo())
        #expect(steps.all.map(\.step) == ["load", "model", "links", "flows", "theme", "assemble", "render"])
        _ = deferred.search?.build()
        #expect(steps.all.map(\.step).last == "search")
        #expect(steps.all.count == 8)

        // In memory the index is always made after the pages, and appended to them.
        let full = StepLog()
        pipeline.timings = { full.append($0) }
        _ = try pipeline.generate(reusing: BuildMemo())
        #expect(full.all.map(\.step) == ["load", "model", "links", "flows", "theme", "assemble", "render", "search"])

        // A build to disk makes it among the other steps.
        let written = StepLog()
        pipeline.timings = { written.append($0) }
        _ = try pipeline.generate()
        #expect(written.all.map(\.step) == ["load", "model", "links", "flows", "theme", "search", "assemble"])
    }
}
