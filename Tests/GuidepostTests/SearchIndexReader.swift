import Foundation
import Testing
@testable import Guidepost

/// Reads a published search index the way search.js does, written separately from the encoder
/// so a test of the two together catches a mistake in either. The shards are put back together:
/// every term shard, every posting kept apart and every fragment, as one list each.
struct SearchIndexReader {
    struct Entry: Equatable {
        var page: Int
        /// -1 for the page itself.
        var section: Int
        var url: String
    }

    var version: Int
    var weights: [Int]
    var manifest: [String: Any]
    var categories: [String]
    /// `[path, title, summary, [id, text, …], [text, …]]` as in the fragments.
    var pages: [[Any]]
    /// Each page's category (an index into `categories`, -1 for none), from the manifest's runs.
    var pageCategories: [Int] = []
    var terms: [String] = []
    var postings: [String] = []
    var entries: [Entry] = []
    /// Each term shard's terms, in manifest order.
    var shards: [[String]] = []

    /// `files` maps output paths (`search/index.json`, `search/shards/…`) to their bytes.
    init(files: [String: Data]) throws {
        func json(_ path: String) throws -> Any {
            let data = try #require(files[path], "\(path) is named but not written")
            return try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        }
        manifest = try #require(try json("search/index.json") as? [String: Any])
        version = try #require(manifest["version"] as? Int)
        weights = try #require(manifest["weights"] as? [Int])
        categories = try #require(manifest["categories"] as? [String])
        for shard in try #require(manifest["terms"] as? [[Any]]) {
            let name = try #require(shard[1] as? String)
            let object = try #require(try json("search/" + name) as? [String: Any])
            let names = try #require(object["terms"] as? [String])
            let lists = try #require(object["postings"] as? [Any])
            shards.append(names)
            terms += names
            for posting in lists {
                if let inline = posting as? String {
                    postings.append(inline)
                } else {
                    let apart = try #require(posting as? [Any])
                    let name = try #require(apart[0] as? String)
                    postings.append(try #require(try json("search/" + name) as? String))
                }
            }
        }
        pages = []
        let fragments = try #require(manifest["fragments"] as? [String: Any])
        let volumes = try #require(fragments["volumes"] as? [String])
        let perVolume = try #require(fragments["perVolume"] as? Int)
        for (number, count) in Self.numbers(try #require(fragments["pages"] as? String)).enumerated() {
            let chunk = try #require(try json("search/shards/f-\(volumes[number / perVolume])-\(number).json") as? [[Any]])
            #expect(chunk.count == count, "the manifest counts the fragment's pages")
            pages += chunk
        }
        let runs = try #require(manifest["pageCategories"] as? [Int])
        for run in stride(from: 0, to: runs.count, by: 2) {
            pageCategories += Array(repeating: runs[run], count: runs[run + 1])
        }
        let counts = Self.numbers(try #require(manifest["sections"] as? String))
        #expect(counts.count == pages.count && pageCategories.count == pages.count)
        for (number, page) in pages.enumerated() {
            let path = try #require(page[0] as? String)
            entries.append(Entry(page: number, section: -1, url: path))
            let sections = try #require(page[3] as? [String])
            #expect(sections.count == counts[number] * 2, "the manifest counts the fragment's sections")
            for offset in stride(from: 0, to: sections.count, by: 2) {
                let id = sections[offset].isEmpty ? SearchText.autoID(sections[offset + 1]) : sections[offset]
                entries.append(Entry(page: number, section: offset / 2, url: path + "#" + id))
            }
        }
    }

    /// The index a build wrote.
    init(site: SiteOutput) throws {
        var files: [String: Data] = [:]
        for file in site.files where file.path.hasPrefix("search/") {
            if case .bytes(let data) = file.contents { files[file.path] = data }
        }
        try self.init(files: files)
    }

    enum ReaderError: Error { case notBytes }

    /// The base-32 numbers of a gap list, as they are (not summed).
    static func numbers(_ text: String) -> [Int] {
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        var numbers: [Int] = [], value = 0
        for char in text {
            let digit = digits.firstIndex(of: char) ?? 0
            value = value * 32 + digit % 32
            if digit < 32 {
                numbers.append(value)
                value = 0
            }
        }
        return numbers
    }

    /// For `term`, per field (title, heading, summary, body), the entry numbers.
    func lists(_ term: String) -> [[Int]]? {
        guard let position = terms.firstIndex(of: term) else { return nil }
        var lists = postings[position].split(separator: ",", omittingEmptySubsequences: false).map { Self.decode(String($0)) }
        while lists.count < weights.count { lists.append([]) }
        return lists
    }

    /// URLs of the entries holding every one of `terms` exactly, best first by summed field
    /// weights, then in entry order: search.js's ranking without prefixes, typos and page context.
    func rank(_ query: [String]) -> [String] {
        var scores: [Int: Int] = [:]
        var counts: [Int: Int] = [:]
        for term in query {
            for (field, list) in (lists(term) ?? []).enumerated() {
                for entry in list { scores[entry, default: 0] += weights[field] }
            }
            for entry in Set((lists(term) ?? []).joined()) { counts[entry, default: 0] += 1 }
        }
        return scores.filter { counts[$0.key] == query.count }
            .sorted { ($1.value, $0.key) < ($0.value, $1.key) }
            .map { entries[$0.key].url }
    }

    static func decode(_ text: String) -> [Int] {
        var entries: [Int] = []
        if text.hasPrefix("~") {
            let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            var bits = 0, held = 0, byte = 0
            for char in text.dropFirst() {
                bits = (bits << 6) | (alphabet.firstIndex(of: char) ?? 0)
                held += 6
                if held >= 8 {
                    held -= 8
                    let value = (bits >> held) & 255
                    for bit in 0..<8 where value & (1 << bit) != 0 { entries.append(byte * 8 + bit) }
                    byte += 1
                }
            }
            return entries
        }
        let digits = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_")
        var previous = -1, value = 0
        for char in text {
            let digit = digits.firstIndex(of: char) ?? 0
            value = value * 32 + digit % 32
            if digit < 32 {
                previous += value + 1
                entries.append(previous)
                value = 0
            }
        }
        return entries
    }
}
