import Foundation
import Testing
@testable import Guidepost

/// The author hints one at a time: what counts, what does not, and where each is placed.
@Suite struct CheckHintTests {
    /// A guide with a summary, so only the hint under test shows.
    func guide(_ title: String, body: String = "Text.", extra: String = "") -> String {
        guideFile(title, body: body, extra: "summary: About \(title).\n" + extra)
    }

    func warnings(_ files: [String: String]) -> [String] {
        let report = check(files)
        #expect(report.errorCount == 0, "\(report.text)")
        return report.findings.map(\.description)
    }

    @Test func aCleanSiteHasNoFindings() {
        let report = check([
            "index.md": "---\ntitle: Home\nlayout: home\n---\nSee [A](T/a.md).\n",
            "T/a.md": guide("A", body: "![A diagram](d.png) and [B](b.md)"),
            "T/b.md": guide("B", body: "# B\n\n## Step\n\n### Detail\n\nBack to [A](a.md) or [up](#step)."),
            "T/d.png": "png",
        ])
        #expect(report.findings == [])
        #expect(report.summary == "0 errors, 0 warnings")
    }

    @Test func anImageWithoutAltTextIsPlacedAtItsBracket() {
        let found = warnings([
            "a.md": guide("A", body: "> [!NOTE]\n> - [![**bold**](x.png)](b.md) then ![ ](y.png)\n\n![<b></b>](z.png)"),
            "b.md": guide("B", body: "[A](a.md)"),
            "x.png": "", "y.png": "", "z.png": "",
        ])
        #expect(found == [
            "content/a.md:6:37: warning: the image `y.png` has no alt text",
            "content/a.md:8:1: warning: the image `z.png` has no alt text",
        ])
    }

    @Test func aSummaryInFrontMatterOrAsDescriptionCounts() {
        let found = warnings([
            "a.md": guideFile("A", body: "A first paragraph is not a summary. [B](b.md) [C](c.md)"),
            "b.md": guideFile("B", body: "[A](a.md)", extra: "description: The old key.\n"),
            "c.md": guide("C"),
            "faq.md": "---\ntitle: FAQ\nlayout: faq\n---\n## Q\n\nA.\n",
        ])
        #expect(found == ["content/a.md:1:1: warning: the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead"])
    }

    @Test func onlyALinkFromAnotherPageOrAFlowOutcomeKeepsAGuideFromBeingAnOrphan() {
        let found = warnings([
            "index.md": "---\ntitle: Home\nlayout: home\n---\n[Linked from home](T/home.md)\n",
            "faq.md": "---\ntitle: FAQ\nlayout: faq\n---\n## Q\n\n[Linked from the FAQ](<T/faq linked.md#part>)\n",
            "T/home.md": guide("Home guide", body: "[Itself](home.md)\n\n![An image, not a link](self-only.md)"),
            "T/faq linked.md": guide("FAQ linked", body: "## Part\n\nSee [by guide](/T/by-guide.md?x=1).\n\nAnd [itself](#part)."),
            "T/by-guide.md": guide("By guide", extra: "flow: pick\n"),
            // The flow `pick` that by-guide.md embeds has outcomes leading to a and b.
            "T/a.md": guide("A"),
            "T/b.md": guide("B", body: "## Deep"),
            "T/self-only.md": guide("Self only", body: "[Me](self-only.md)"),
            "T/listed.md": guide("Listed only"),
        ])
        #expect(found == [
            "content/T/listed.md:1:1: warning: no other page links to this guide, so readers reach it only by browsing its category or searching",
            "content/T/self-only.md:1:1: warning: no other page links to this guide, so readers reach it only by browsing its category or searching",
        ])
    }

    @Test func aFlowThatNoGuideEmbedsLeadsNowhere() {
        let found = warnings(["a.md": guide("A", body: "[C](c.md)"), "b.md": guide("B", body: "## Deep\n\n[C](c.md)"), "c.md": guide("C")])
        #expect(found.map { $0.prefix(20) } == ["content/a.md:1:1: wa", "content/b.md:1:1: wa"])
    }

    @Test func theFirstHeadingAfterTheTitleCountsFromLevelOne() {
        let found = warnings([
            "a.md": guide("A", body: "### Too deep\n\n## Fine\n\n### Fine\n\n# Restart\n\n## Fine\n\n#### Skips\n\n#### Same level is fine\n\n[B](b.md)"),
            "b.md": guide("B", body: "# B\n\n> ### In a quote\n\n[A](a.md)"),
        ])
        #expect(found == [
            "content/a.md:5:1: warning: the heading `Too deep` jumps from the title (level 1) to level 3",
            "content/a.md:15:1: warning: the heading `Skips` jumps from level 2 to level 4",
            "content/b.md:7:1: warning: the heading `In a quote` jumps from level 1 to level 3",
        ])
    }

    @Test func headingsSkipInFAQAndHomePagesToo() {
        let found = warnings([
            "index.md": "---\ntitle: Home\nlayout: home\n---\n### Start here\n\n[A](a.md)\n",
            "a.md": guide("A"),
        ])
        #expect(found == ["content/index.md:5:1: warning: the heading `Start here` jumps from the title (level 1) to level 3"])
    }

    @Test func titlesThatDifferOnlyInCaseOrSpacingAreDuplicates() {
        let found = warnings([
            "index.md": "---\ntitle: Home\nlayout: home\n---\n[1](one.md) [2](two.md) [3](three.md) [4](four.md)\n",
            "one.md": guide("Reset  your PIN"),
            "two.md": "---\nsummary: S.\n---\n# reset your pin\n",
            "three.md": guide("Reset your pin"),
            "four.md": guide("Reset your PIN code"),
        ])
        #expect(found == [
            "content/one.md:2:1: warning: the title `Reset  your PIN` is also the title of content/three.md, content/two.md",
            "content/three.md:2:1: warning: the title `Reset your pin` is also the title of content/one.md, content/two.md",
            "content/two.md:4:1: warning: the title `reset your pin` is also the title of content/one.md, content/three.md",
        ])
    }
}
