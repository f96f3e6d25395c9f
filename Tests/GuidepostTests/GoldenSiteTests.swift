import Foundation
import Testing
@testable import Guidepost

/// The whole site built from `Fixtures/site/content` with the project's own theme, compared
/// file by file with `Golden/site`. After an intended change, refresh the expected output with
///     GUIDEPOST_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests
/// and review the diff before committing it.
@Suite struct GoldenSiteTests {
    static let fixture = repositoryRoot.appendingPathComponent("Tests/GuidepostTests/Fixtures/site/content")
    static let golden = repositoryRoot.appendingPathComponent("Tests/GuidepostTests/Golden/site")

    private func build(into output: URL) throws {
        let options = BuildOptions(content: Self.fixture.path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path,
                                   output: output.path)
        _ = try BuildPipeline(options: options).build()
    }

    @Test func theBuiltSiteMatchesTheGoldenTree() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        try build(into: output)
        let actual = try readTree(output)

        if ProcessInfo.processInfo.environment["GUIDEPOST_UPDATE_GOLDEN"] != nil {
            try? FileManager.default.removeItem(at: Self.golden)
            var tree: [String: String] = [:]
            for (path, data) in actual {
                tree[path] = Self.isThemeAsset(path) ? Self.placeholder(for: path) : String(decoding: data, as: UTF8.self)
            }
            try writeTree(tree, to: Self.golden)
            for (path, data) in actual where !Self.isThemeAsset(path) {
                try data.write(to: Self.golden.appendingPathComponent(path))
            }
            return
        }
        let expected = try readTree(Self.golden)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "the set of files differs from Golden/site")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[path] else { continue }
            if Self.isThemeAsset(path) {
                let source = repositoryRoot.appendingPathComponent("templates/assets/" + Self.unfingerprinted(path))
                #expect(data == (try? Data(contentsOf: source)), "\(path) is not a copy of \(source.path)")
                #expect(want == Data(Self.placeholder(for: path).utf8), "Golden/site/\(path) is out of date")
            } else {
                #expect(data == want, "\(path) differs from Golden/site/\(path)")
            }
        }
    }

    /// Theme assets are byte copies of `templates/assets` whose names carry their content hash:
    /// the golden tree keeps their names, so a changed asset still changes the tree, but not a
    /// second copy of their bytes.
    static func isThemeAsset(_ path: String) -> Bool { path.hasPrefix("assets/") }

    static func placeholder(for path: String) -> String {
        "A copy of templates/assets/\(unfingerprinted(path)); its name carries its content hash.\n"
    }

    /// `assets/site.1a2b3c4d5e.css` → `site.css`.
    static func unfingerprinted(_ path: String) -> String {
        var parts = String(path.dropFirst("assets/".count)).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if let index = parts.indices.dropFirst().last(where: { parts[$0].count == 10 && parts[$0].allSatisfy(\.isHexDigit) }) {
            parts.remove(at: index)
        }
        return parts.joined(separator: ".")
    }

    @Test func twoBuildsAreByteForByteIdentical() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(into: folder.appendingPathComponent("one"))
        try build(into: folder.appendingPathComponent("two"))
        let one = try readTree(folder.appendingPathComponent("one"))
        #expect(!one.isEmpty)
        #expect(one == (try readTree(folder.appendingPathComponent("two"))))
    }
}
