import Foundation
import GuidepostMarkdown
import Testing
@testable import Guidepost

/// Headings and anchors at sizes that made ids and link resolution quadratic (issue #17):
/// numbering duplicate headings by search, looking anchors up in a list.
extension LargeInputTests {
    static func sameHeadings(_ count: Int, pinned: Bool) -> Data {
        var text = "---\ntitle: Same\n---\n"
        text.reserveCapacity(count * 20)
        for _ in 0..<count { text += pinned ? "\n## Same {#dup}\n" : "\n## Same\n" }
        return Data(text.utf8)
    }

    @Test func fortyThousandHeadingsWithTheSameTextGetIdsInLinearTime() throws {
        let (_, smallTime) = Self.built(["same.md": Self.sameHeadings(4_000, pinned: false)])
        let (site, largeTime) = Self.built(["same.md": Self.sameHeadings(40_000, pinned: false)])
        let page = try #require(site?.text("guides/same/index.html"))
        #expect(page.contains(#"<h2 id="same-40000">Same</h2>"#))
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "4,000 and 40,000 headings `Same`")
    }

    @Test func fortyThousandPinnedDuplicatesWarnEachInLinearTime() {
        let clock = ContinuousClock()
        func parse(_ count: Int) -> (MarkdownDocument, Duration) {
            let text = String(decoding: Self.sameHeadings(count, pinned: true), as: UTF8.self)
            let start = clock.now
            let document = MarkdownDocument.parse(text)
            return (document, clock.now - start)
        }
        let (_, smallTime) = parse(4_000)
        let (document, largeTime) = parse(40_000)
        #expect(document.headings.last?.id == "dup-40000")
        #expect(document.diagnostics.count == 39_999)
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "4,000 and 40,000 pinned `{#dup}`")
    }

    @Test func aHundredThousandLinksToOneAnchorResolveInLinearTime() throws {
        func site(_ links: Int) -> [String: Data] {
            var many = "---\ntitle: Many\n---\n\n## Top\n\n"
            many.reserveCapacity(links * 40)
            // Half as Guidepost writes the id, half as GitHub writes it (`a--b` for `A & B`).
            // All on one line: a line's columns are counted once, not once per link.
            for index in 0..<links { many += index % 2 == 0 ? "[x](target.md#a-b) " : "[y](target.md#a--b) é " }
            var target = "---\ntitle: Target\n---\n"
            for index in 0..<200 { target += "\n## Heading \(index)\n" }
            target += "\n## A & B\n"
            return ["many.md": Data(many.utf8), "target.md": Data(target.utf8)]
        }
        let (_, smallTime) = Self.built(site(10_000))
        let (built, largeTime) = Self.built(site(100_000))
        let page = try #require(built?.text("guides/many/index.html"))
        #expect(!page.contains("#a--b"))
        #expect(page.contains("/guides/target/#a-b"))
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "10,000 and 100,000 links to one anchor")
    }
}
