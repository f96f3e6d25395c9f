import Testing
@testable import Guidepost

@Suite("Anchors as other tools write them")
struct AnchorTests {
    @Test(arguments: [
        ("What's new in v1.2?", "whats-new-in-v12"),
        ("A & B", "a--b"),
        ("Café Crème", "café-crème"),
        ("snake_case - ok", "snake_case---ok"),
    ])
    func githubSlugs(_ text: String, _ expected: String) {
        #expect(AnchorAliases.githubSlug(text, keepingDots: false) == expected)
    }

    @Test func githubAndPandocAnchorsResolveToTheHeading() throws {
        let site = try generate([
            "a.md": guideFile("A", body: "[1](b.md#whats-new-in-v12) [2](b.md#whats-new-in-v1.2) [3](b.md#a--b) [4](b.md#steps-1) [5](#café-crème)\n\n## Café Crème\n"),
            "b.md": guideFile("B", body: "## What's new in v1.2?\n\n## A & B\n\n## Steps\n\n## Steps\n"),
        ])
        let page = try #require(site.text("guides/a/index.html"))
        #expect(page.contains(#"href="/guides/b/#what-s-new-in-v1-2">1</a> <a href="/guides/b/#what-s-new-in-v1-2">2"#))
        #expect(page.contains(#"href="/guides/b/#a-b""#))
        // GitHub numbers the second `Steps` -1; Guidepost -2.
        #expect(page.contains(#"href="/guides/b/#steps-2""#))
        #expect(page.contains(##"href="#cafe-creme""##))
        #expect(!page.contains("v1.2\""))
    }

    @Test(arguments: [
        ("b.md#Before-You-Start", "write `b.md#before-you-start`"),
        ("b.md#before-you-strat", "write `b.md#before-you-start`"),
        ("b.md#Reset-Café", "write `b.md#reset-cafe`"),
        ("#here", "write `#there`"),
    ])
    func aNearMissGetsTheExactFix(_ destination: String, _ fix: String) {
        let errors = buildErrors([
            "a.md": guideFile("A", body: "## There\n\n[x](\(destination))"),
            "b.md": guideFile("B", body: "## Before you start\n\n## Reset café\n"),
        ])
        #expect(errors.map(\.kind) == [.missingAnchor])
        #expect(errors.first?.hint?.hasPrefix(fix) == true, "\(errors.first?.hint ?? "")")
    }

    @Test func anAnchorNothingLikeAHeadingListsTheHeadings() {
        let errors = buildErrors([
            "a.md": guideFile("A", body: "[x](b.md#zzzzzzzz)"),
            "b.md": guideFile("B", body: "## Before you start\n"),
        ])
        #expect(errors.first?.hint == "its headings are: #before-you-start")
    }
}

/// `files` with a site.yml naming a base URL when it has none, so a test about something else
/// does not also get the warning a site without one gets.
func withBaseURL(_ files: [String: String]) -> [String: String] {
    var files = files
    if files["site.yml"] == nil { files["site.yml"] = "baseURL: https://help.example.com/\n" }
    return files
}
