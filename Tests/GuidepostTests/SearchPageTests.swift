import Foundation
import Testing
@testable import Guidepost

/// The /search/ page (the search form's target without JavaScript) and the template keys.
@Suite struct SearchPageTests {
    static let files: [String: String] = [
        "Account/a.md": guideFile("Reset your password"),
        "Account/Devices/b.md": guideFile("Sign out a lost phone"),
        "loose.md": guideFile("About this help center"),
        "faq.md": "---\ntitle: Questions\nlayout: faq\n---\n## Can I get a refund? {#refund}\n\nYes.\n\n## Is it safe?\n\nYes.\n",
    ]

    static var theme: [String: String] {
        var theme = minimalTheme
        theme["templates/home.mustache"] = "home|{{site.searchURL}}|{{site.searchIndexURL}}"
        theme["templates/search.mustache"] = """
        search|{{page.title}}|{{#page.noindex}}noindex{{/page.noindex}}|{{search.guideCount}}/{{search.questionCount}}|\
        {{#search.categories}}[{{name}}>{{url}}:{{guideCountText}}:{{#subcategories}}{{name}}>{{url}}:{{guideCountText}};{{/subcategories}}]{{/search.categories}}|\
        {{#search.uncategorized}}{{title}};{{/search.uncategorized}}|\
        {{#search.faq}}{{title}}>{{url}}:{{questionCountText}}{{/search.faq}}
        """
        return theme
    }

    /// The categories with their counts and the FAQ, not every guide: the page must stay small
    /// however large the site grows. Guides outside any category have no other list.
    @Test func listsTheCategoriesWithTheirCountsAndTheFAQ() throws {
        let site = try generate(Self.files, theme: Self.theme)
        let page = try #require(site.text("search/index.html"))
        #expect(page.hasPrefix("search|Search|noindex|3/2|"))
        #expect(page.contains("[Account>/categories/account/:2 guides:Devices>/categories/account/devices/:1 guide;]"))
        #expect(!page.contains("Reset your password"))
        #expect(page.contains("|About this help center;|"))
        #expect(page.hasSuffix("Questions>/faq/:2 questions"))
    }

    /// Guides in no category are shown as on the home page: a few, and where all are listed.
    @Test func guidesInNoCategoryAreAFewAndALinkToTheRest() throws {
        var files: [String: String] = ["faq.md": Self.files["faq.md"]!]
        for number in 1...8 { files["g\(number).md"] = guideFile("Loose \(number)") }
        var theme = Self.theme
        theme["templates/categories.mustache"] = "categories"
        theme["templates/search.mustache"] = "{{#search.uncategorized}}{{title}};{{/search.uncategorized}}|{{search.uncategorizedCount}}|{{search.uncategorizedURL}}"
        let page = try #require(try generate(files, theme: theme).text("search/index.html"))
        #expect(page.components(separatedBy: ";").count - 1 == HomeListing.guidesPerCategory)
        #expect(page.hasSuffix("|8|/categories/#more-guides"))
    }

    @Test func givesTemplatesTheSearchURLs() throws {
        let site = try generate(Self.files, theme: Self.theme, baseURL: "https://example.com/help/")
        let index = try #require(site.files.first { $0.path.hasPrefix("search/index.") && $0.path.hasSuffix(".json") })
        #expect(site.text("index.html") == "home|/help/search/|/help/\(index.path)")
    }

    @Test func keepsTheSearchPageOutOfTheSitemap() throws {
        let site = try generate(Self.files, theme: Self.theme, baseURL: "https://help.example.com/")
        let sitemap = try #require(site.text("sitemap.xml"))
        #expect(!sitemap.contains("/search/"))
        #expect(sitemap.contains("/guides/a/"))
    }

    @Test func aThemeWithoutTheTemplateGetsNoPageButStillTheIndex() throws {
        var theme = minimalTheme
        theme["templates/home.mustache"] = "home|{{site.searchURL}}|{{#site.searchIndexURL}}index{{/site.searchIndexURL}}"
        let site = try generate(Self.files, theme: theme)
        #expect(site.text("search/index.html") == nil)
        #expect(site.text("index.html") == "home||index")
    }
}
