import Foundation
import Testing
@testable import Guidepost

/// The GFM extensions through a whole build: errors stop it at the right place, warnings reach
/// `check`, and links found in tables and notes are resolved like any other.
@Suite struct GFMBuildTests {
    @Test func anUndefinedFootnoteStopsTheBuildAtItsPosition() {
        let errors = buildErrors(["a.md": guideFile("A", body: "Intro.\n\nSee it[^gone] now.\nAnd [^gone] again.")])
        #expect(errors.map(\.line) == [6, 7])
        #expect(errors.map(\.column) == [7, 5])
        #expect(errors.first?.description.hasPrefix("content/a.md:6:7: error: the footnote `[^gone]` has no definition") == true)
    }

    @Test func checkListsUndefinedFootnotesUnusedNotesAndDroppedCells() {
        let body = "Uses [^y].\n\n[^y]: Why.\n[^z]: Never used.\n\n| a |\n|---|\n| 1 | 2 |"
        let report = check([
            "a.md": guideFile("A", body: body, extra: "summary: S.\n"),
            "b.md": guideFile("B", body: "[A](a.md) and [^x].", extra: "summary: S.\n"),
        ])
        let lines = report.findings.map(\.description)
        #expect(lines.contains { $0.hasPrefix("content/b.md:5:15: error: the footnote `[^x]` has no definition") })
        #expect(lines.contains { $0.hasPrefix("content/a.md:8:1: warning: the footnote `[^z]` is never referenced") })
        #expect(lines.contains { $0.hasPrefix("content/a.md:12:7: warning: this table row has 2 cells") })
    }

    @Test func linksInTablesAndNotesAreResolvedAndChecked() throws {
        let body = "| Guide |\n|---|\n| [B](b.md) |\n\nNote[^n].\n\n[^n]: See [B again](b.md#step) and www.example.com."
        let site = try generate([
            "a.md": guideFile("A", body: body),
            "b.md": guideFile("B", body: "## Step\n\nText."),
        ])
        let page = try #require(site.text("guides/a/index.html"))
        #expect(page.contains(#"<a href="/guides/b/">B</a>"#))
        #expect(page.contains(#"<a href="/guides/b/#step">B again</a>"#))
        #expect(page.contains(#"<a href="http://www.example.com">www.example.com</a>"#))

        let errors = buildErrors(["a.md": guideFile("A", body: "| Guide |\n|---|\n| x [B](missing.md) |")])
        #expect(errors.map(\.kind) == [.brokenLink])
        #expect(errors.first?.line == 6)
        #expect(errors.first?.column == 5)
    }
}
