import Foundation
import Testing
@testable import Guidepost

/// The index in shards (`SearchIndexFiles`): how terms and pages are cut into files, that the
/// manifest agrees with them, and that no file grows with the site.
@Suite struct SearchShardsTests {
    /// Enough distinct words (`w<guide>x<word>`) for many term shards, one word in every
    /// section (its postings kept apart), and long sections for many fragments.
    static func bigSite(guides: Int = 120) -> [String: String] {
        var files: [String: String] = [:]
        for guide in 0..<guides {
            let words = (0..<60).map { "w\(guide)x\($0)" }.joined(separator: " ")
            let filler = Array(repeating: "common words in every section.", count: 20).joined(separator: " ")
            files["Topic \(guide % 3)/g\(guide).md"] = guideFile("Guide \(guide)", body: "\(words)\n\n## Part one\n\n\(filler)\n\n## Part two\n\n\(filler)\n")
        }
        return files
    }

    @Test func everyTermIsInExactlyOneShardAndTheManifestSaysWhich() throws {
        let index = try SearchIndexReader(site: try generate(Self.bigSite()))
        #expect(index.shards.count > 3, "the site needs several term shards")
        #expect(Set(index.terms).count == index.terms.count, "a term in two shards")
        let firsts = try #require(index.manifest["terms"] as? [[Any]]).map { $0[0] as? String ?? "?" }
        #expect(firsts.first == "")
        #expect(Array(firsts.dropFirst()) == index.shards.dropFirst().map { $0.first ?? "" })
        // In UTF-16 order across shards, so a shard's range ends where the next begins.
        for (a, b) in zip(index.terms, index.terms.dropFirst()) {
            #expect(a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) before \(b)")
        }
        #expect(index.rank(["w7x3"]) == ["guides/g7/"])
    }

    @Test func noShardGrowsWithTheSite() throws {
        let site = try generate(Self.bigSite())
        // A volume's fragments share one hash (there is one volume here); term shards and postings
        // are named by their own.
        let volumes = try #require(try SearchIndexReader(site: site).manifest["fragments"] as? [String: Any])["volumes"] as? [String]
        #expect(volumes?.count == 1)
        let fragmentVolume = volumes?.first ?? "?"
        for file in site.files where file.path.hasPrefix("search/shards/") {
            guard case .bytes(let data) = file.contents else { continue }
            let name = file.path.dropFirst("search/shards/".count)
            if name.hasPrefix("t-") {
                // A shard is closed at the first term past its size: one term's entry more at most.
                #expect(data.count < SearchIndexFiles.termShardBytes + SearchIndexFiles.separatePosting + 200, "\(name)")
            } else if name.hasPrefix("f-") {
                #expect(data.count < SearchIndexFiles.fragmentBytes + 3 * SearchSnippet.length * 3 + 400, "\(name)")
                #expect(name.hasPrefix("f-\(fragmentVolume)-"))
            } else {
                #expect(name.hasPrefix("p-"))
            }
        }
        let index = try SearchIndexReader(site: site)
        let fragments = try #require(index.manifest["fragments"] as? [String: Any])
        #expect(SearchIndexReader.numbers(fragments["pages"] as? String ?? "").count > 3)
        #expect(try #require(index.manifest["pageCategories"] as? [Int]) == [0, 40, 1, 40, 2, 40], "one run per category")
    }

    @Test func unusualTextIsIndexedAndKeptWhole() throws {
        let long = String(repeating: "ab", count: 40)
        let index = try SearchIndexReader(site: try generate([
            "账户/安全.md": guideFile("账户安全", body: "请开启两步验证。\n"),
            "Café/déjà.md": guideFile("Déjà vu", body: "Intro.\n\n## Words\n\nÜberprüfen Sie die Straße. \(long)\n"),
        ]))
        #expect(index.terms.contains("账户") && index.terms.contains("验证"))
        #expect(index.terms.contains("deja") && index.terms.contains("strasse"))
        #expect(index.terms.contains(String(long.prefix(SearchText.maxWordLength))))
        #expect(index.pages.contains { ($0[4] as? [String])?.last?.contains(long) == true }, "the text keeps the word whole")
        #expect(index.categories == ["Café", "账户"] || index.categories == ["账户", "Café"])
    }

    @Test func anEmptyIndexIsAManifestAlone() throws {
        let files = SearchIndexFiles(SearchIndex()).files
        #expect(files.map(\.path) == ["search/index.json"])
        let index = try SearchIndexReader(files: ["search/index.json": SearchIndexFiles(SearchIndex()).manifest])
        #expect(index.pages.isEmpty && index.terms.isEmpty)
    }

    /// A word in nearly every entry of a large site would fill the shard its neighbours'
    /// typo search loads; its postings are a file of their own, and two the same are one.
    @Test func longPostingsAreKeptApartAndSharedWhenEqual() throws {
        var index = SearchIndex()
        index.terms = ["alpha", "beta", "gamma"]
        let every = (0..<10_000).map { Int32($0) }
        index.postings = [[every, [], [], []], [every, [], [], []], [[3], [], [], []]]
        let files = SearchIndexFiles(index).files
        #expect(files.filter { $0.path.hasPrefix("search/shards/p-") }.count == 1)
        #expect(Set(files.map(\.path)).count == files.count)
        var bytes: [String: Data] = [:]
        for file in files { if case .bytes(let data) = file.contents { bytes[file.path] = data } }
        let reader = try SearchIndexReader(files: bytes)
        #expect(reader.lists("beta")?.first == every.map(Int.init))
        #expect(reader.lists("gamma")?.first == [3])
    }
}
