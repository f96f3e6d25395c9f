import Foundation
import Testing
@testable import Guidepost

/// `check()` keeps going where a build stops, so one run reports as much as it can.
@Suite struct CheckPipelineTests {
    func lines(_ report: CheckReport) -> [String] { report.findings.map(\.description) }

    @Test func theThemeIsCheckedEvenWhenTheContentIsBroken() {
        var theme = minimalTheme
        theme["templates/guide.mustache"] = nil
        let report = check([
            "index.md": "---\ntitle: Home\nlayout: home\n---\n[A](a.md)\n",
            "a.md": guideFile("A", body: "[x](x.md)", extra: "summary: S.\n"),
        ], theme: theme)
        #expect(lines(report) == [
            "content/a.md:5:1: error: the link `x.md` points to `x.md`, which does not exist",
            "templates/guide.mustache:1:1: error: the theme has no `guide.mustache`, which every site needs",
        ])
    }

    @Test func aFileThatFailsToLoadLeavesTheOthersToTheHints() {
        let report = check([
            "bad.md": "---\ntitle: Bad\norder: first\n---\nText.\n",
            "good.md": guideFile("Good", body: "![](photo.png)"),
            "photo.png": "",
        ])
        // Without bad.md, nobody can tell whether good.md is an orphan, so that hint stays quiet;
        // nor can links be checked, since links to bad.md would all look broken.
        #expect(lines(report) == [
            "content/bad.md:3:1: error: `order` should be a whole number, but it is `first`",
            "content/good.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead",
            "content/good.md:4:1: warning: the image `photo.png` has no alt text",
        ])
    }

    @Test func aBrokenSiteConfigStillLeavesEveryPageChecked() {
        let report = check([
            "site.yml": "baseURL: nowhere\n",
            "a.md": guideFile("A", body: "[b](b.md#nope)", extra: "summary: S.\n"),
            "b.md": guideFile("B", body: "[a](a.md)", extra: "summary: S.\n"),
        ])
        #expect(lines(report) == [
            "content/a.md:5:1: error: the link `b.md#nope` points to a heading `#nope` that content/b.md does not have",
            "content/site.yml:1:1: error: `baseURL` must be an absolute http or https address, but it is `nowhere`",
        ])
    }

    @Test func aPageTheModelRejectsStillGetsItsHintsAndTheOthersTheirs() {
        let report = check([
            "untitled.md": "Just text and ![](x.png).\n",
            "a.md": guideFile("A"),
            "x.png": "",
        ])
        #expect(lines(report) == [
            "content/a.md:1:1: warning: no other page links to this guide, so readers reach it only by browsing its category or searching",
            "content/a.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead",
            "content/untitled.md:1:1: warning: no other page links to this guide, so readers reach it only by browsing its category or searching",
            "content/untitled.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead",
            "content/untitled.md:1:1: error: the guide has no title",
            "content/untitled.md:1:15: warning: the image `x.png` has no alt text",
        ])
    }

    @Test func clashesFoundOnlyWhenTheSiteIsAssembledAreReported() {
        let report = check([
            "a.md": guideFile("A", extra: "summary: S.\n"),
            "b.md": guideFile("B", extra: "summary: S.\naliases: [/guides/a/index.html]\n"),
            "index.md": "---\ntitle: Home\nlayout: home\n---\n[A](a.md) [B](b.md)\n",
        ])
        #expect(lines(report) == ["guides/a/index.html:1:1: error: two parts of the site would both be written to `guides/a/index.html`"])
    }

    @Test func aMissingContentFolderIsTheOnlyContentFinding() {
        let report = BuildPipeline(fileSystem: InMemoryFileSystem(minimalTheme)).check()
        #expect(lines(report) == ["content:1:1: error: the content folder does not exist"])
    }

    @Test func aLinkErrorCarriesItsColumnInABuildErrorToo() {
        let error = BuildError(.brokenLink, step: .link, file: "content/a.md", line: 4, column: 9, "the link `x.md` is broken")
        #expect(error.description == "content/a.md:4:9: error: the link `x.md` is broken")
        let withoutColumn = BuildError(.brokenLink, step: .link, file: "content/a.md", line: 4, "the link `x.md` is broken")
        #expect(withoutColumn.description == "content/a.md:4: error: the link `x.md` is broken")
    }
}
