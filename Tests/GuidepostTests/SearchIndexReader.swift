import Foundation
import Testing
@testable import Guidepost

/// Reads a published search index the way search.js does, written separately from the encoder
/// so a test of the two together catches a mistake in either.
struct SearchIndexReader {
    struct Entry: Equatable {
        var page: Int
        /// -1 for the page itself.
        var section: Int
        var url: String
    }

    var version: Int
    var weights: [Int]
    /// `[path, title, summary, [id, text, …]]` as in the file.
    var pages: [[Any]]
    var terms: [String]
    var postings: [String]
    var entries: [Entry] = []

    init(_ data: Data) throws {
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        version = try #require(object["version"] as? Int)
        weights = try #require(object["weights"] as? [Int])
        pages = try #require(object["pages"] as? [[Any]])
        terms = try #require(object["terms"] as? [String])
        postings = try #require(object["postings"] as? [String])
        for (number, page) in pages.enumerated() {
            let path = try #require(page[0] as? String)
            entries.append(Entry(page: number, section: -1, url: path))
            let sections = try #require(page[3] as? [String])
            for offset in stride(from: 0, to: sections.count, by: 2) {
                let id = sections[offset].isEmpty ? SearchText.autoID(sections[offset + 1]) : sections[offset]
                entries.append(Entry(page: number, section: offset / 2, url: path + "#" + id))
            }
        }
    }

    /// The index a build wrote, found by its fingerprinted name.
    init(site: SiteOutput) throws {
        let file = try #require(site.files.first { $0.path.hasPrefix("search/index.") && $0.path.hasSuffix(".json") })
        guard case .bytes(let data) = file.contents else { throw ReaderError.notBytes }
        try self.init(data)
    }

    enum ReaderError: Error { case notBytes }

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
