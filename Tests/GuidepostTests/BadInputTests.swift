import Foundation
import Testing
@testable import Guidepost

/// Each kind of bad input stops the build with a clear error naming the file and line.
@Suite struct BadInputTests {
    @Test func unparseableFrontMatterNamesFileAndLine() {
        let errors = buildErrors(["a.md": "---\ntitle: Fine\ntags: [one, two\norder: 3\n---\nBody\n"])
        #expect(errors.count == 1)
        #expect(errors.first?.kind == .frontMatter)
        #expect(errors.first?.file == "content/a.md")
        #expect((errors.first?.line ?? 0) >= 3)
        #expect(errors.first?.description.contains("content/a.md:") == true)
    }

    @Test func frontMatterWithTheWrongTypeNamesTheKeyAndLine() {
        let errors = buildErrors(["a.md": "---\ntitle: Fine\norder: first\n---\nBody\n"])
        #expect(errors.first?.kind == .frontMatter)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("`order` should be a whole number") == true)
    }

    @Test func unterminatedFrontMatter() {
        let errors = buildErrors(["a.md": "---\ntitle: Fine\n\nBody\n"])
        #expect(errors.first?.kind == .frontMatter)
        #expect(errors.first?.line == 1)
    }

    @Test func missingTitle() {
        let errors = buildErrors(["guides/untitled.md": "---\nsummary: no title here\n---\nJust text.\n"])
        #expect(errors.map(\.kind) == [.missingTitle])
        #expect(errors.first?.file == "content/guides/untitled.md")
        #expect(errors.first?.hint?.contains("title:") == true)
    }

    @Test func twoPagesWithTheSameURL() {
        let errors = buildErrors([
            "a/same.md": guideFile("One"),
            "b/same.md": guideFile("Two"),
        ])
        #expect(errors.map(\.kind) == [.duplicateURL])
        #expect(errors.first?.file == "content/b/same.md")
        #expect(errors.first?.message.contains("content/a/same.md") == true)
        #expect(errors.first?.message.contains("/guides/same/") == true)
    }

    @Test func aSlugThatClashesNamesTheSlugLine() {
        let errors = buildErrors([
            "one.md": guideFile("One"),
            "two.md": guideFile("Two", extra: "slug: one\n"),
        ])
        #expect(errors.first?.kind == .duplicateURL)
        #expect(errors.first?.line == 3)
    }

    @Test func linkToAMissingPage() {
        let errors = buildErrors(["a.md": guideFile("A", body: "Intro.\n\nSee [b](b.md) for more.")])
        #expect(errors.map(\.kind) == [.brokenLink])
        #expect(errors.first?.file == "content/a.md")
        #expect(errors.first?.line == 6)
        #expect(errors.first?.column == 5)
        #expect(errors.first?.description.hasPrefix("content/a.md:6:5: error: the link `b.md`") == true)
    }

    @Test func brokenLinksOnOneLineAreListedLeftToRight() {
        // By message they would sort the other way round: `z.md` after `a.md`.
        let errors = buildErrors(["a.md": guideFile("A", body: "See [z](z.md) or [a](a-gone.md).")])
        #expect(errors.map(\.column) == [5, 18])
        #expect(errors.map(\.line) == [4, 4])
    }

    @Test func linkToAMissingAnchor() {
        let errors = buildErrors([
            "a.md": guideFile("A", body: "See [b](b.md#nowhere)."),
            "b.md": guideFile("B", body: "## Somewhere\n"),
        ])
        #expect(errors.map(\.kind) == [.missingAnchor])
        #expect(errors.first?.line == 4)
        #expect(errors.first?.column == 5)
        #expect(errors.first?.hint?.contains("#somewhere") == true)
    }

    @Test func linkToAMissingAnchorOnTheSamePage() {
        let errors = buildErrors(["a.md": guideFile("A", body: "## Here\n\n[jump](#there)")])
        #expect(errors.map(\.kind) == [.missingAnchor])
    }

    @Test func allBrokenLinksAreListedNotOnlyTheFirst() {
        let errors = buildErrors([
            "a.md": guideFile("A", body: "[x](x.md) and [y](y.md)"),
            "b.md": guideFile("B", body: "[z](z.md)"),
        ])
        #expect(errors.count == 3)
    }

    @Test func aSlugThatWouldEscapeTheOutput() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "slug: ../../etc\n")])
        #expect(errors.map(\.kind) == [.unsafePath])
        #expect(errors.first?.line == 3)
        #expect(errors.first?.hint?.contains("slug: etc") == true)
    }

    @Test func aCategoryThatWouldEscapeTheOutput() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "category: ../../etc/..\n")])
        #expect(errors.map(\.kind) == [.unsafePath])
    }

    @Test func aLinkThatLeavesTheContentFolder() {
        let errors = buildErrors(["a.md": guideFile("A", body: "[passwords](../../etc/passwd)")])
        #expect(errors.map(\.kind) == [.brokenLink])
        #expect(errors.first?.message.contains("outside the content folder") == true)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        var tree = minimalTheme.mapValues { Data($0.utf8) }
        tree["content/bad.md"] = Data("---\ntitle: Bad\n---\nfine\ncaf".utf8) + Data([0xE9, 0x0A])
        do {
            _ = try BuildPipeline(fileSystem: InMemoryFileSystem(data: tree)).generate()
            Issue.record("expected the build to fail")
        } catch {
            #expect(error.errors.map(\.kind) == [.invalidUTF8])
            #expect(error.errors.first?.line == 5)
            #expect(error.errors.first?.file == "content/bad.md")
        }
    }

    @Test func emptyContentFolder() {
        let errors = buildErrors(["notes.txt": "no markdown here"])
        #expect(errors.map(\.kind) == [.emptyContent])
    }

    @Test func missingContentFolder() {
        do {
            _ = try BuildPipeline(fileSystem: InMemoryFileSystem(minimalTheme)).generate()
            Issue.record("expected the build to fail")
        } catch {
            #expect(error.errors.map(\.kind) == [.missingContent])
        }
    }

    @Test func missingTemplatesFolder() {
        let errors = buildErrors(["a.md": guideFile("A")], theme: [:])
        #expect(errors.map(\.kind) == [.missingTemplates])
        #expect(errors.first?.file == "templates")
    }

    @Test func aTemplateNamingAMissingPartial() {
        var theme = minimalTheme
        theme["templates/guide.mustache"] = "line one\n{{> partials/nowhere}}\n"
        let errors = buildErrors(["a.md": guideFile("A")], theme: theme)
        #expect(errors.map(\.kind) == [.missingPartial])
        #expect(errors.first?.file == "templates/guide.mustache")
        #expect(errors.first?.line == 2)
    }

    @Test func aTemplateThatDoesNotParseNamesFileAndLine() {
        var theme = minimalTheme
        theme["templates/partials/bad.mustache"] = "line one\nline two\n{{#open}}never closed {{/shut}}\nline four\n"
        let errors = buildErrors(["a.md": guideFile("A")], theme: theme)
        #expect(errors.map(\.kind) == [.template])
        #expect(errors.first?.file == "templates/partials/bad.mustache")
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("near `{{#open}}never closed {{/shut}}`") == true)
        #expect(errors.first?.description.hasPrefix("templates/partials/bad.mustache:3: error:") == true)
    }

    @Test func aTemplateErrorOnTheFirstLineNamesLineOne() {
        var theme = minimalTheme
        theme["templates/partials/bad.mustache"] = "{{% CONTENT_TYPE: NOPE}}\nrest\n"
        let errors = buildErrors(["a.md": guideFile("A")], theme: theme)
        #expect(errors.map(\.kind) == [.template])
        #expect(errors.first?.file == "templates/partials/bad.mustache")
        #expect(errors.first?.line == 1)
        #expect(errors.first?.message.contains("near `{{% CONTENT_TYPE: NOPE}}`") == true)
    }

    @Test func aThemeWithoutAPageTemplate() {
        var theme = minimalTheme
        theme["templates/faq.mustache"] = nil
        let errors = buildErrors(["a.md": guideFile("A")], theme: theme)
        #expect(errors.map(\.kind) == [.missingTemplates])
        #expect(errors.first?.message.contains("faq.mustache") == true)
    }

    @Test func aBadSiteConfig() {
        let errors = buildErrors(["site.yml": "title: X\nbaseURL: not a url\n", "a.md": guideFile("A")])
        #expect(errors.map(\.kind) == [.config])
        #expect(errors.first?.file == "content/site.yml")
        #expect(errors.first?.line == 2)
    }

    @Test func anUnknownLayout() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "layout: landing\n")])
        #expect(errors.first?.kind == .frontMatter)
        #expect(errors.first?.line == 3)
    }
}

@Suite struct SiteConfigTests {
    @Test(arguments: ["javascript:alert(1)", "data:text/html,x", "support page"])
    func aSupportURLThatIsNotALinkIsRejected(_ url: String) {
        let errors = buildErrors(["site.yml": "support:\n  title: Help\n  url: \"\(url)\"\n", "a.md": guideFile("A")])
        #expect(errors.map(\.kind) == [.config])
        #expect(errors.first?.line == 3)
    }

    @Test(arguments: ["https://example.com/support", "mailto:help@example.com", "/contact/"])
    func ordinarySupportURLsAreAccepted(_ url: String) throws {
        _ = try generate(["site.yml": "support:\n  url: \"\(url)\"\n", "a.md": guideFile("A")])
    }

    @Test func aMissingSiteYmlMeansDefaults() throws {
        let site = try generate(["a.md": guideFile("A")])
        // No base URL: nothing absolute, and no sitemap, which may hold only absolute URLs.
        #expect(site.text("robots.txt") == "User-agent: *\nAllow: /\n")
        #expect(site.text("sitemap.xml") == nil)
        #expect(site.text("guides/a/index.html")?.contains("localhost") == false)
        #expect(site.text("index.html")?.hasPrefix("home|Help Center|") == true)
    }
}
