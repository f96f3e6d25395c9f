import Foundation
import Testing
@testable import Guidepost

/// What the index gives a result besides its title: its top-level category, and the start of
/// its entry's text for a snippet.
@Suite struct SearchSnippetTests {
    @Test func eachPageNamesItsTopCategoryAndEachEntryTheStartOfItsText() throws {
        let output = try generate([
            "Billing/Cards/refund.md": guideFile("Card refund", body: "A refund   to a card\ntakes five days.\n\n## Abroad\n\nCards from abroad take longer."),
            "Security/lock.md": "---\ntitle: Lock\nsummary: Lock your account.\n---\nWhen your phone is lost, lock it.\n",
            "top.md": guideFile("Top"),
        ])
        let file = try #require(output.files.first { $0.path == "search/index.json" })
        guard case .bytes(let data) = file.contents else { throw SearchIndexReader.ReaderError.notBytes }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["categories"] as? [String] == ["Billing", "Security"])
        let pages = try #require(object["pages"] as? [[Any]])
        let byTitle = Dictionary(uniqueKeysWithValues: pages.map { ($0[1] as? String ?? "", $0) })
        let refund = try #require(byTitle["Card refund"])
        #expect(refund[4] as? [String] == ["", "Cards from abroad take longer."], "the summary is the first paragraph, so the page's own is empty")
        #expect(refund[5] as? Int == 0, "a subcategory's guide is in its top category")
        let lock = try #require(byTitle["Lock"])
        #expect(lock[4] as? [String] == [""], "a summary stands in for the page's text")
        #expect(lock[5] as? Int == 1)
        #expect(try #require(byTitle["Top"])[5] as? Int == -1)
    }

    @Test func anExcerptEndsAtAWordWithinItsLength() {
        let long = Array(repeating: "word", count: 60).joined(separator: " \n ")
        let excerpt = SearchSnippet.excerpt(long)
        #expect(excerpt.count <= SearchSnippet.length)
        #expect(excerpt.count > SearchSnippet.length - 6)
        #expect(excerpt.hasSuffix("word") && !excerpt.contains("  ") && !excerpt.contains("\n"))
        #expect(SearchSnippet.excerpt("  short   text ") == "short text")
        let word = String(repeating: "x", count: 300)
        #expect(SearchSnippet.excerpt(word).count == SearchSnippet.length, "one long word is cut rather than dropped")
    }
}
