import Foundation
import Testing
@testable import Guidepost
import JSONSchemaCheck

/// The markup the real theme gives the page features: each appears only when site.yml (or a
/// guide) asks for it, and every page declares the same policy as `_headers`.
@Suite struct PageFeaturesMarkupTests {
    private func build(_ siteYML: String, body: String = "Text.") throws -> SiteOutput {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-features-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("Basics"), withIntermediateDirectories: true)
        try Data(siteYML.utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data(guideFile("Start", body: body, extra: "aliases: [/old-start/]\n").utf8).write(to: content.appendingPathComponent("Basics/start.md"))
        try Data(guideFile("Next").utf8).write(to: content.appendingPathComponent("Basics/next.md"))
        return try BuildPipeline(options: BuildOptions(content: content.path, templates: repositoryRoot.appendingPathComponent("templates").path)).generate()
    }

    private static let everything = """
        baseURL: https://help.example.com/
        feedback: {endpoint: "https://feedback.example.com/guides?a=1&b=2"}
        announcement: {text: "Billing <moves> on 1 May", url: /billing/, label: Details}
        analytics: plausible
        contentSecurityPolicy: {img-src: [https://cdn.example.com]}
        """

    @Test func everyPageAndRedirectDeclaresThePolicyOfHeaders() throws {
        let site = try build(Self.everything, body: "```video\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\nReset it\n```\n")
        let headers = try #require(site.text("_headers"))
        let policy = try #require(headers.split(separator: "\n").first { $0.contains("Content-Security-Policy") }?
            .split(separator: ":", maxSplits: 1).last?.dropFirst())
        #expect(policy.contains("frame-src 'self' https://www.youtube-nocookie.com"))
        let meta = #"<meta http-equiv="Content-Security-Policy" content="\#(String(policy).replacingOccurrences(of: "'", with: "&#39;"))">"#
        let pages = site.files.map(\.path).filter { $0.hasSuffix(".html") }
        #expect(pages.contains("old-start/index.html") && pages.count > 4)
        for page in pages { #expect(site.text(page)?.contains(meta) == true, "\(page)") }
    }

    @Test func theFeaturesMarkupIsEscapedAndComplete() throws {
        let site = try build(Self.everything, body: "```sh\necho hi\n```\n")
        let page = try #require(site.text("guides/start/index.html"))
        #expect(page.contains(#"<form class="feedback-form" method="post" action="https://feedback.example.com/guides?a=1&amp;b=2">"#))
        #expect(page.contains(#"<input type="hidden" name="slug" value="start">"#))
        #expect(page.contains(#"<input type="hidden" name="url" value="https://help.example.com/guides/start/">"#))
        #expect(page.contains(#"<input type="hidden" name="language" value="en">"#))
        #expect(page.contains(#"<p class="announcement-text">Billing &lt;moves&gt; on 1 May <a href="/billing/">Details</a></p>"#))
        #expect(page.contains(#"<script src="https://plausible.io/js/script.js" defer data-domain="help.example.com"></script>"#))
        #expect(page.contains(#"<script src="/assets/page."#))
        // Copy buttons are made by the script: none in the markup.
        #expect(!page.contains("copy-button"))
        // Feedback is for guides only; the banner is on every page.
        let home = try #require(site.text("index.html"))
        #expect(!home.contains("feedback-form") && home.contains("announcement-text"))
    }

    @Test func withNoSettingsNoFeatureMarkupIsShown() throws {
        let site = try build("title: T\n")
        let page = try #require(site.text("guides/start/index.html"))
        for absent in ["feedback", "announcement", "data-domain", "matomo", "frame-src"] { #expect(!page.contains(absent), "\(absent)") }
    }

    @Test func matomoIsStartedByTheThemesScriptNotInline() throws {
        let site = try build("analytics: {provider: matomo, url: \"https://stats.example.com/m\", siteId: \"7\"}\n")
        let page = try #require(site.text("index.html"))
        #expect(page.contains(#"data-matomo-url="https://stats.example.com/m/" data-matomo-site-id="7" defer></script>"#))
        #expect(page.contains(#"<script src="/assets/matomo."#))
    }
}

/// The feedback form sends what docs/feedback.schema.json documents, field for field.
@Suite struct FeedbackSchemaTests {
    @Test func theFormsFieldsMatchTheDocumentedSchema() throws {
        let site = try generate(["site.yml": "baseURL: https://help.example.com/\nfeedback: {endpoint: https://f.example/x}\n",
                                 "Basics/start.md": guideFile("Start")],
                                theme: minimalTheme.merging([
                                    "templates/guide.mustache": try String(contentsOf: repositoryRoot.appendingPathComponent("templates/partials/feedback.mustache"), encoding: .utf8)
                                        .replacingOccurrences(of: "{{endpoint}}", with: "{{feedback.endpoint}}")
                                        .replacingOccurrences(of: "{{slug}}", with: "{{feedback.slug}}")
                                        .replacingOccurrences(of: "{{url}}", with: "{{feedback.url}}")
                                        .replacingOccurrences(of: "{{language}}", with: "{{feedback.language}}"),
                                ]) { $1 })
        let page = try #require(site.text("guides/start/index.html"))
        var fields: [String: JSONValue] = [:]
        for match in page.matches(of: #/name="([a-z]+)"(?: value="([^"]*)")?/#) {
            fields[String(match.1)] = .string(match.2.map(String.init) ?? "")
        }
        #expect(fields.keys.sorted() == ["answer", "comment", "language", "slug", "url"])
        #expect(fields["url"] == .string("https://help.example.com/guides/start/"))
        let schemaText = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/feedback.schema.json"), encoding: .utf8)
        let validator = SchemaValidator(root: try JSONValue.parse(schemaText))
        for answer in ["yes", "no"] {
            var payload = fields
            payload["answer"] = .string(answer)
            #expect(validator.errors(in: .object(payload)) == [])
        }
        var wrong = fields
        wrong["answer"] = .string("maybe")
        wrong["extra"] = .string("x")
        #expect(validator.errors(in: .object(wrong)).count == 2)
    }
}
