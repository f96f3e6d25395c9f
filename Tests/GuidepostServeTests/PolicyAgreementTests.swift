import Foundation
import Guidepost
import Testing
@testable import GuidepostServe

/// `sitegen serve`, `_headers` and every page's `<meta>` tag carry one policy, also when
/// site.yml and the guides add to it.
@Suite struct PolicyAgreementTests {
    @Test func serveSendsThePolicyThePagesDeclare() async throws {
        let project = try TestProject()
        try project.write("content/site.yml", """
            title: Test Help
            feedback: {endpoint: "http://127.0.0.1:9/feedback"}
            analytics: https://stats.example.com/script.js
            contentSecurityPolicy: {font-src: [https://fonts.example.com]}

            """)
        try project.write("content/Basics/video.md", "---\ntitle: Video\n---\n```video\nhttps://vimeo.com/76979871\nTour\n```\n")
        try await withServer(project) { _, port in
            for path in ["/guides/start/", "/guides/video/", "/"] {
                let page = try await get(path, port: port)
                let policy = try #require(page.header("Content-Security-Policy"))
                #expect(policy.contains("frame-src 'self' https://player.vimeo.com"))
                #expect(policy.contains("font-src 'self' https://fonts.example.com"))
                #expect(policy.contains("form-action 'self' http://127.0.0.1:9"))
                let meta = #"<meta http-equiv="Content-Security-Policy" content="\#(policy.replacingOccurrences(of: "'", with: "&#39;"))">"#
                #expect(page.body.contains(meta), "\(path)")
            }
        }
        let output = try BuildPipeline(options: BuildOptions(content: project.content, templates: project.templates)).generate()
        #expect(output.text("_headers")?.contains("script-src 'self' https://stats.example.com;") == true)
    }
}
