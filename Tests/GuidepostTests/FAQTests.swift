import Foundation
import Testing
@testable import Guidepost

/// Every FAQ file lands on one page; with several, questions are grouped by category.
@Suite struct FAQTests {
    let theme: [String: String] = {
        var theme = minimalTheme
        theme["templates/faq.mustache"] = "faq|{{faq.title}}|{{#faq.isGrouped}}grouped|{{/faq.isGrouped}}{{#faq.groups}}[{{name}}#{{id}}:{{#questions}}{{tag}}:{{id}};{{/questions}}]{{/faq.groups}}"
        return theme
    }()

    @Test func oneFAQFileGivesAFlatPage() throws {
        let site = try generate(["faq.md": "---\nlayout: faq\ntitle: FAQ\n---\n## One?\nA.\n"], theme: theme)
        #expect(site.text("faq/index.html") == "faq|FAQ|[General#faq-general:h2:one;]")
    }

    @Test func faqFilesInCategoriesAreGroupedTopLevelFirst() throws {
        let site = try generate([
            "site.yml": "categories:\n  - name: Security\n  - name: Billing\n",
            "faq.md": "---\nlayout: faq\ntitle: FAQ\n---\n## General question?\nA.\n",
            "Billing/faq.md": "---\nlayout: faq\n---\n## Refunds?\nA.\n",
            "Security/faq.md": "---\nlayout: faq\n---\n## Passwords?\nA. See [refunds](../Billing/faq.md#refunds).\n",
            "Security/guide.md": guideFile("G", body: "[q](faq.md#passwords)"),
        ], theme: theme)
        #expect(site.text("faq/index.html") == "faq|FAQ|grouped|[General#faq-general:h3:general-question;][Security#faq-security:h3:passwords;][Billing#faq-billing:h3:refunds;]")
        #expect(site.text("guides/guide/index.html")?.contains(#"href="/faq/#passwords""#) == true)
    }

    @Test func aQuestionAnchorUsedInTwoFAQFilesIsAnError() {
        let errors = buildErrors([
            "A/faq.md": "---\nlayout: faq\n---\n## Same? {#same}\nA.\n",
            "B/faq.md": "---\nlayout: faq\n---\nIntro.\n\n## Also same? {#same}\nB.\n",
        ], theme: theme)
        #expect(errors.map(\.kind) == [.duplicateAnchor])
        #expect(errors.first?.file == "content/B/faq.md")
        #expect(errors.first?.line == 6)
        #expect(errors.first?.message.contains("content/A/faq.md") == true)
    }
}

/// What a static host needs to serve the site safely and cache it well.
@Suite struct HostingTests {
    @Test func theHeadersFileSendsThePolicyAndCachesFingerprintedFiles() throws {
        let site = try generate(["site.yml": "baseURL: https://example.com/help/\n", "a.md": guideFile("A")])
        let headers = try #require(site.text("_headers"))
        #expect(headers.hasPrefix("/help/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self';"))
        #expect(headers.contains("/help/assets/*\n  Cache-Control: public, max-age=31536000, immutable"))
    }

    @Test func everyPageOfTheThemeDeclaresThePolicy() throws {
        let output = try BuildPipeline(options: BuildOptions(content: GoldenSiteTests.fixture("site").path,
                                                             templates: repositoryRoot.appendingPathComponent("templates").path)).generate()
        let pages = output.files.map(\.path).filter { $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for page in pages where !page.hasPrefix("old/") {
            #expect(output.text(page)?.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;;"#) == true, "\(page)")
        }
    }
}
