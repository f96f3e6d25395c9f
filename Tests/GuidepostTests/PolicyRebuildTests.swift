import Foundation
import Testing
@testable import Guidepost

/// The policy depends on every page (a video anywhere adds its player to `frame-src`), so a
/// rebuild after adding the first video must change every page, as a clean build does.
@Suite struct PolicyRebuildTests {
    private static let video = "\n```video\nhttps://youtu.be/dQw4w9WgXcQ\nA tour\n```\n"

    @Test func anIncrementalBuildAfterTheFirstVideoMatchesACleanOne() throws {
        let project = try IncrementalBuildTests.Project()
        try project.buildAndCompare("first build")
        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0 + Self.video }
        try project.buildAndCompare("a first video")
        let page = try String(contentsOf: project.output.appendingPathComponent("guides/welcome/index.html"), encoding: .utf8)
        // The fixture embeds a Vimeo video already; the YouTube player joins it.
        #expect(page.contains("frame-src &#39;self&#39; https://player.vimeo.com https://www.youtube-nocookie.com\""))
    }

    @Test func anInMemoryRebuildAfterTheFirstVideoMatchesAFullBuild() throws {
        let project = try IncrementalBuildTests.Project()
        let pipeline = BuildPipeline(options: project.options())
        let (first, memo) = try pipeline.generate(reusing: BuildMemo())
        #expect(first.text("_headers")?.contains("youtube") == false)
        try project.edit("Getting Started/Account & Security/Sign in safely.md") { $0 + Self.video }
        let rebuilt = try pipeline.generate(reusing: memo).output
        let full = try pipeline.generate()
        #expect(rebuilt.text("guides/welcome/index.html") == full.text("guides/welcome/index.html"))
        #expect(rebuilt.text("_headers") == full.text("_headers"))
        #expect(full.text("_headers")?.contains("frame-src 'self' https://player.vimeo.com https://www.youtube-nocookie.com\n") == true)
    }
}
