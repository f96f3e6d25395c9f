import Foundation
import Testing
@testable import Guidepost

/// site.yml's `contentSecurityPolicy`, `analytics`, `feedback` and what they do to the one
/// policy the site declares.
@Suite struct PolicyConfigTests {
    private func policy(_ siteYML: String, guides: [String: String] = ["a.md": guideFile("A")]) throws -> String {
        var files = guides
        files["site.yml"] = siteYML
        let site = try generate(files)
        let headers = try #require(site.text("_headers"))
        let line = try #require(headers.split(separator: "\n").first { $0.contains("Content-Security-Policy") })
        return String(line.split(separator: ":", maxSplits: 1)[1].dropFirst())
    }

    @Test func withNothingConfiguredThePolicyIsTheStrictOne() throws {
        #expect(try policy("title: T\n") == ContentSecurityPolicy.strict.text)
        #expect(ContentSecurityPolicy.strict.text == "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'")
    }

    @Test func siteYMLAddsSourcesPerDirectiveAndANewDirectiveKeepsSelf() throws {
        let text = try policy("""
            contentSecurityPolicy:
              img-src: [https://cdn.example.com, https://cdn.example.com]
              font-src: https://fonts.example.com
            """)
        #expect(text.contains("img-src 'self' data: https://cdn.example.com;"))
        #expect(text.hasSuffix("; font-src 'self' https://fonts.example.com"))
        #expect(!text.contains("frame-src"))
    }

    @Test func aBadDirectiveNameIsAnErrorAtItsLine() {
        let errors = buildErrors(["site.yml": "title: T\ncontentSecurityPolicy:\n  img-source: [https://a.example]\n", "a.md": guideFile("A")])
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("`img-source` is not a directive") == true)
        #expect(errors.first?.hint?.contains("did you mean `img-src`?") == true)
    }

    @Test(arguments: ["\"'unsafe-inline'\"", "\"https://a.example; script-src *\"", "\"https://a.example https://b.example\"", "\"a,b\"", "\"\""])
    func aSourceWithQuotesSemicolonsOrSpacesIsAnErrorAtItsLine(source: String) {
        let errors = buildErrors(["site.yml": "title: T\ncontentSecurityPolicy:\n  script-src:\n    - https://ok.example\n    - \(source)\n",
                                  "a.md": guideFile("A")])
        #expect(errors.first?.line == 5)
        #expect(errors.first?.file?.hasSuffix("site.yml") == true)
        #expect(errors.first?.message.contains("is not a source `script-src` can take") == true)
    }

    @Test func theFeedbackEndpointsOriginMayBePostedAndFetched() throws {
        let text = try policy("feedback:\n  endpoint: https://feedback.example.com:8443/guides?site=help\n")
        #expect(text.contains("form-action 'self' https://feedback.example.com:8443;"))
        #expect(text.hasSuffix("connect-src 'self' https://feedback.example.com:8443"))
        // A path on the site itself needs nothing more.
        #expect(try policy("feedback:\n  endpoint: /api/feedback\n") == ContentSecurityPolicy.strict.text)
    }

    @Test func aFeedbackEndpointThatIsNoAddressIsAnError() {
        let errors = buildErrors(["site.yml": "feedback:\n  endpoint: javascript:alert(1)\n", "a.md": guideFile("A")])
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message.contains("`feedback.endpoint` must be an http or https address") == true)
        let missing = buildErrors(["site.yml": "feedback:\n  url: https://x.example\n", "a.md": guideFile("A")])
        #expect(missing.first?.message.contains("needs an `endpoint`") == true)
    }

    @Test func analyticsAddsItsScriptHostOnlyWhenSet() throws {
        let script = try policy("analytics: https://stats.example.com/script.js\n")
        #expect(script.contains("script-src 'self' https://stats.example.com;"))
        #expect(script.hasSuffix("connect-src 'self' https://stats.example.com"))
        let plausible = try policy("baseURL: https://help.example.com/\nanalytics: plausible\n")
        #expect(plausible.contains("script-src 'self' https://plausible.io;") && plausible.contains("connect-src 'self' https://plausible.io"))
        let matomo = try policy("analytics: {provider: matomo, url: https://matomo.example.com/, siteId: 3}\n")
        #expect(matomo.contains("script-src 'self' https://matomo.example.com;"))
        #expect(matomo.contains("img-src 'self' data: https://matomo.example.com;"))
    }

    @Test func analyticsSettingsAreCheckedAtTheirLine() {
        let unknown = buildErrors(["site.yml": "title: T\nanalytics: googly\n", "a.md": guideFile("A")])
        #expect(unknown.first?.line == 2)
        #expect(unknown.first?.message.contains("`plausible` or `matomo`") == true)
        let noDomain = buildErrors(["site.yml": "analytics: plausible\n", "a.md": guideFile("A")])
        #expect(noDomain.first?.message.contains("Plausible needs the site's `domain`") == true)
        let noSite = buildErrors(["site.yml": "analytics:\n  provider: matomo\n  url: https://m.example/\n", "a.md": guideFile("A")])
        #expect(noSite.first?.message.contains("`siteId`") == true)
    }

    @Test func aVideoHostIsFramedOnlyOnSitesThatEmbedOne() throws {
        let video = "```video\nhttps://vimeo.com/76979871\nOur product tour\n```\n"
        let text = try policy("title: T\n", guides: ["a.md": guideFile("A", body: video), "b.md": guideFile("B")])
        #expect(text.hasSuffix("; frame-src 'self' https://player.vimeo.com"))
        #expect(!text.contains("youtube"))
        #expect(try policy("title: T\n", guides: ["a.md": guideFile("A", body: "```\nhttps://vimeo.com/76979871\n```\n")])
            == ContentSecurityPolicy.strict.text)
    }

    @Test func unknownKeysInsideTheSettingsAreWarnedAbout() throws {
        let config = try SiteConfig.parse("feedback:\n  endpoint: /f\n  endpiont: /g\n", file: "content/site.yml")
        #expect(config.warnings.map(\.line) == [3])
        #expect(config.features.feedbackEndpoint == "/f")
    }
}

@Suite struct AnnouncementConfigTests {
    @Test func eachMessageHasItsOwnKey() throws {
        let first = try SiteConfig.parse("announcement: {text: Billing moves, url: /billing/}\n", file: "site.yml").features.announcement
        let same = try SiteConfig.parse("announcement:\n  text: Billing moves\n  url: /billing/\n", file: "site.yml").features.announcement
        let other = try SiteConfig.parse("announcement: {text: Billing moved, url: /billing/}\n", file: "site.yml").features.announcement
        #expect(first?.key == same?.key)
        #expect(first?.key != other?.key)
        #expect(first?.label == "Read more")
    }

    @Test func anAnnouncementNeedsTextAndASafeLink() {
        let empty = buildErrors(["site.yml": "title: T\nannouncement: {url: /x/}\n", "a.md": guideFile("A")])
        #expect(empty.first?.line == 2)
        #expect(empty.first?.message.contains("needs a `text`") == true)
        let script = buildErrors(["site.yml": "announcement:\n  text: Hi\n  url: javascript:alert(1)\n", "a.md": guideFile("A")])
        #expect(script.first?.line == 3)
        #expect(script.first?.message.contains("`announcement.url` must be an http or https address or a path on this site") == true)
    }
}
