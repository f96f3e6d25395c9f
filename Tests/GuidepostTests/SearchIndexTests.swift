import Foundation
import Testing
@testable import Guidepost

/// The index a build publishes: what it holds, how it ranks, and that its bytes are stable.
@Suite struct SearchIndexTests {
    static let files: [String: String] = [
        "Account/password.md": """
        ---
        title: Reset your password
        summary: Choose a new password when you forgot the old one.
        order: 1
        ---
        # Invisible leading heading

        Start on the sign-in page.

        ## Use an authenticator app {#authenticator}

        Open the app and read the code.

        ## Before you start

        Have your phone at hand.
        """,
        "Account/phone.md": """
        ---
        title: Change your phone number
        summary: Move the number with codes.
        order: 2
        ---
        You may need your password for this.

        ## Café hours

        Support answers from nine to five.
        """,
        "账户/安全.md": """
        ---
        title: 账户安全
        slug: zh-security
        ---
        请开启两步验证，保护您的账户。
        """,
        "faq.md": """
        ---
        title: Questions
        layout: faq
        ---
        Short answers.

        ## Can I get a refund? {#refund}

        Refunds take five days.
        """,
    ]

    private func index(baseURL: String? = nil) throws -> SearchIndexReader {
        try SearchIndexReader(site: try generate(Self.files, baseURL: baseURL))
    }

    @Test func listsPagesAndTheirSectionsInReadingOrder() throws {
        let index = try index()
        #expect(index.version == 2)
        #expect(index.pages.map { $0[0] as? String } == ["guides/password/", "guides/phone/", "guides/zh-security/", "faq/"])
        #expect(index.pages[0][1] as? String == "Reset your password")
        #expect(index.pages[0][2] as? String == "Choose a new password when you forgot the old one.")
        // A pinned id is kept; one the script can rebuild from the heading is left out.
        #expect(index.pages[0][3] as? [String] == ["authenticator", "Use an authenticator app", "", "Before you start"])
        #expect(index.entries.map(\.url) == [
            "guides/password/", "guides/password/#authenticator", "guides/password/#before-you-start",
            "guides/phone/", "guides/phone/#cafe-hours", "guides/zh-security/", "faq/", "faq/#refund",
        ])
    }

    @Test func filesEachTermUnderItsField() throws {
        let index = try index()
        // title, heading, summary, body
        #expect(index.lists("password") == [[0], [], [0], [3]])
        #expect(index.lists("authenticator") == [[], [1], [], []])
        #expect(index.lists("refund") == [[], [7], [], []])
        #expect(index.lists("refunds") == [[], [], [], [7]])
        // The FAQ's first paragraph is its summary, as on the page.
        #expect(index.lists("short") == [[], [], [6], [6]])
    }

    @Test func leavesOutTheHiddenLeadingHeading() throws {
        #expect(try index().lists("invisible") == nil)
    }

    @Test func foldsDiacriticsAndIndexesCJKBigrams() throws {
        let index = try index()
        #expect(index.lists("cafe") == [[], [4], [], []])
        #expect(index.lists("café") == nil)
        #expect(index.lists("账户")?[0] == [5])
        #expect(index.lists("验证")?[3] == [5])
        #expect(index.lists("验")?[3] == [5])
    }

    @Test func weightsTitleOverHeadingOverSummaryOverBody() throws {
        let index = try index()
        #expect(index.weights.count == 4)
        #expect(index.weights == index.weights.sorted(by: >))
        #expect(Set(index.weights).count == 4)
        // The guide titled "password" first, the guide that mentions it in passing last.
        #expect(index.rank(["password"]) == ["guides/password/", "guides/phone/"])
        #expect(index.rank(["authenticator"]).first == "guides/password/#authenticator")
        #expect(index.rank(["refund"]).first == "faq/#refund")
        #expect(index.rank(["phone", "number"]) == ["guides/phone/"])
    }

    @Test func pathsStayBelowTheBasePath() throws {
        let site = try generate(Self.files, baseURL: "https://example.com/help/")
        let index = try SearchIndexReader(site: site)
        #expect(index.pages.first?[0] as? String == "guides/password/")
    }

    @Test func isPublishedAsAManifestThatPagesNameAndShardsNamedByTheirContent() throws {
        let site = try generate(Self.files)
        let search = site.files.map(\.path).filter { $0.hasPrefix("search/") && $0 != "search/index.html" }
        #expect(search.first == "search/index.json")
        #expect(search.dropFirst().allSatisfy { $0.hasPrefix("search/shards/") && $0.hasSuffix(".json") })
        for path in search.dropFirst() where !path.hasPrefix("search/shards/f-") {
            guard case .bytes(let data)? = site[path] else { Issue.record("\(path) is not bytes"); continue }
            #expect(path.contains(ContentHash.fingerprint(data)), "\(path) is named by its content")
        }
        let headers = try #require(site.text("_headers"))
        #expect(headers.contains("/search/index.json\n  Cache-Control: no-cache\n"))
        #expect(headers.contains("/search/shards/*\n  Cache-Control: public, max-age=31536000, immutable\n"))
    }

    @Test func twoBuildsWriteTheSameBytes() throws {
        let searchFiles = { (site: SiteOutput) in site.files.filter { $0.path.hasPrefix("search/") }.map { [$0.path: $0.contents] } }
        let one = try generate(Self.files), two = try generate(Self.files)
        #expect(searchFiles(one) == searchFiles(two))
        var changed = Self.files
        changed["Account/phone.md"]! += "\nOne more line.\n"
        let other = try generate(changed)
        #expect(other["search/index.json"] != one["search/index.json"], "changed content must change the manifest")
        let fragments = { (site: SiteOutput) in Set(site.files.map(\.path).filter { $0.hasPrefix("search/shards/f-") }) }
        #expect(fragments(other).isDisjoint(with: fragments(one)), "a changed fragment renames its volume: none is read with the wrong manifest")
    }

    @Test func encodesListsAsGapsOrBitsetsWhicheverIsShorter() {
        let sparse = [3, 40, 41, 5000]
        #expect(SearchIndex.encodeList(sparse) == SearchIndex.encodeGaps(sparse))
        #expect(SearchIndexReader.decode(SearchIndex.encodeList(sparse)) == sparse)
        let dense = Array(stride(from: 0, to: 600, by: 2))
        #expect(SearchIndex.encodeList(dense).hasPrefix("~"))
        #expect(SearchIndexReader.decode(SearchIndex.encodeList(dense)) == dense)
        for count in 1...17 {
            let list = (0..<count).map { $0 * 3 + count }
            #expect(SearchIndexReader.decode(SearchIndex.encodeBitset(list)) == list)
            #expect(SearchIndexReader.decode(SearchIndex.encodeGaps(list)) == list)
        }
    }

    @Test func escapesJSONStrings() {
        #expect(SearchIndex.quoted("a \"b\" \\ c\n\u{1}") == #""a \"b\" \\ c\n\u0001""#)
        #expect(SearchIndex.quoted("账户") == "\"账户\"")
    }
}
