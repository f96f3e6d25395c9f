import Foundation
import Testing
@testable import Guidepost

/// The build's fast paths against the slower code they stand in for: each must give the same
/// answer (or the same error) on every input, or fall back to the slow path.
@Suite struct FastPathTests {
    @Test func handWrittenBreadcrumbJSONMatchesJSONSerialization() {
        var text = ""
        for value in 0..<0x100 { if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) } }
        for sample in [text + "\u{2028}\u{2029}\u{FEFF}😀/\\\"", "Plain", "<script>&amp;</script>", ""] {
            var json = ""
            JSONText.appendQuoted(sample, to: &json)
            let data = try? JSONSerialization.data(withJSONObject: [sample], options: [.withoutEscapingSlashes])
            #expect("[" + json + "]" == data.map { String(decoding: $0, as: UTF8.self) })
        }
    }

    /// The listing `LocalFileSystem` had before it read directories itself.
    private func enumeratorListing(_ root: String) -> [String] {
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        ) else { return [] }
        let prefix = base.path.hasSuffix("/") ? base.path : base.path + "/"
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            if path.hasPrefix(prefix) { result.append(String(path.dropFirst(prefix.count))) }
        }
        return result.sorted()
    }

    @Test func directoryListingMatchesFileManagersEnumerator() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        for folder in ["tree/a/b", "tree/.hidden", "tree/c", "tree/ünï", "tree/empty"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["tree/x.md", "tree/a/y.md", "tree/a/b/z.png", "tree/.hidden/h.md", "tree/.h.md", "tree/a/.dot", "tree/ünï/é.md"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("tree/c/link.md").path, withDestinationPath: "../x.md")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("tree/c/folder").path, withDestinationPath: "../a")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: "tree")
        for path in ["tree", "tree/", "tree/a/..", "linked", "tree/x.md", "missing", "tree/empty"] {
            let folder = root.appendingPathComponent(path).path
            #expect(try LocalFileSystem().files(under: folder) == enumeratorListing(folder), "\(path)")
        }
        #expect(try LocalFileSystem().files(under: root.appendingPathComponent("tree").path) == ["a/b/z.png", "a/y.md", "x.md", "ünï/é.md"])
    }

    @Test func breadcrumbJSONMatchesJSONSerializationWithSortedKeys() throws {
        let crumbs = [("Home", "https://help.example.com/"), ("Café </script> & \"quotes\"\n", "https://help.example.com/a%20b/"),
                      ("\u{2028}line\u{2029}", "https://x.example/ü/")]
        let object: [String: Any] = [
            "@context": "https://schema.org", "@type": "BreadcrumbList",
            "itemListElement": crumbs.enumerated().map { index, crumb in
                ["@type": "ListItem", "position": index + 1, "name": crumb.0, "item": crumb.1] as [String: Any]
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(PageContext.breadcrumbJSON(crumbs) == JSONText.escapeForHTML(String(decoding: data, as: UTF8.self)))
    }

    @Test func listEncodingPicksTheShorterForm() {
        for entries in [[0], [5, 9, 1000], Array(0..<200), Array(stride(from: 0, to: 5000, by: 3)), [31, 32, 1023, 1024, 40000]] {
            let gaps = SearchIndex.encodeGaps(entries), bits = SearchIndex.encodeBitset(entries)
            #expect(SearchIndex.encodeList(entries) == (bits.count < gaps.count ? bits : gaps))
        }
    }
}
