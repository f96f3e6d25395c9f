import Foundation
import Testing
@testable import Guidepost

/// What the index gives a result besides its title: its top-level category, and its entry's
/// text (capped) for a snippet.
@Suite struct SearchSnippetTests {
    @Test func eachPageNamesItsTopCategoryAndEachEntryTheStartOfItsText() throws {
        let output = try generate([
            "Billing/Cards/refund.md": guideFile("Card refund", body: "A refund   to a card\ntakes five days.\n\n## Abroad\n\nCards from abroad take longer."),
            "Security/lock.md": "---\ntitle: Lock\nsummary: Lock your account.\n---\nWhen your phone is lost, lock it.\n",
            "top.md": guideFile("Top"),
        ])
        let index = try SearchIndexReader(site: output)
        #expect(index.categories == ["Billing", "Security"])
        let byTitle = Dictionary(uniqueKeysWithValues: index.pages.enumerated().map { ($1[1] as? String ?? "", ($0, $1)) })
        let refund = try #require(byTitle["Card refund"])
        #expect(refund.1[4] as? [String] == ["", "Cards from abroad take longer."], "the summary is the first paragraph, so the page's own is empty")
        #expect(index.pageCategories[refund.0] == 0, "a subcategory's guide is in its top category")
        let lock = try #require(byTitle["Lock"])
        #expect(lock.1[4] as? [String] == [""], "a summary stands in for the page's text")
        #expect(index.pageCategories[lock.0] == 1)
        #expect(index.pageCategories[try #require(byTitle["Top"]).0] == -1)
    }

    /// A snippet is cut around the match, so the text goes well past the section's start.
    @Test func theTextKeptReachesDeepIntoASection() throws {
        let filler = Array(repeating: "Nothing to see in this sentence.", count: 12).joined(separator: " ")
        let output = try generate(["deep.md": guideFile("Deep", body: "## Limits\n\n\(filler) The quokka limit is ten.\n")])
        let texts = try #require(try SearchIndexReader(site: output).pages.first?[4] as? [String])
        #expect(texts.last?.hasSuffix("The quokka limit is ten.") == true, "\(texts)")
    }

    @Test func anExcerptEndsAtAWordWithinItsLength() {
        let long = Array(repeating: "word", count: 200).joined(separator: " \n ")
        let excerpt = SearchSnippet.excerpt(long)
        #expect(excerpt.count <= SearchSnippet.length)
        #expect(excerpt.count > SearchSnippet.length - 6)
        #expect(excerpt.hasSuffix("word") && !excerpt.contains("  ") && !excerpt.contains("\n"))
        #expect(SearchSnippet.excerpt("  short   text ") == "short text")
        let word = String(repeating: "x", count: SearchSnippet.length + 100)
        #expect(SearchSnippet.excerpt(word).count == SearchSnippet.length, "one long word is cut rather than dropped")
    }
}
