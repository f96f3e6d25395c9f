import Foundation
import Testing
@testable import Guidepost

/// The whole site built from `Fixtures/<name>/content` with the project's own theme, compared
/// file by file with `Golden/<name>`, for each fixture: `site`, written for Guidepost, and
/// `export`, shaped like a help desk's Markdown export (nested categories with `&` and accents,
/// HTML tables, footnotes, drafts, typos). After an intended change, refresh the expected output with
///     GUIDEPOST_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests
/// and review the diff before committing it.
@Suite struct GoldenSiteTests {
    static let fixtures = ["site", "export"]

    static func fixture(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/GuidepostTests/Fixtures/\(name)/content")
    }

    static func golden(_ name: String) -> URL {
        repositoryRoot.appendingPathComponent("Tests/GuidepostTests/Golden/\(name)")
    }

    @discardableResult
    private func build(_ name: String, into output: URL) throws -> BuildSummary {
        let options = BuildOptions(content: Self.fixture(name).path,
                                   templates: repositoryRoot.appendingPathComponent("templates").path,
                                   output: output.path)
        var pipeline = BuildPipeline(options: options)
        // Git's dates would change the golden tree with every commit to the fixture.
        pipeline.lastModified = FixedLastModified(["Getting Started/welcome.md": "2025-06-30"])
        return try pipeline.build()
    }

    @Test(arguments: fixtures) func theBuiltSiteMatchesTheGoldenTree(_ name: String) throws {
        let golden = Self.golden(name)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        try build(name, into: output)
        let actual = try readTree(output)

        if ProcessInfo.processInfo.environment["GUIDEPOST_UPDATE_GOLDEN"] != nil {
            try? FileManager.default.removeItem(at: golden)
            var tree: [String: String] = [:]
            for (path, data) in actual {
                tree[path] = Self.isThemeAsset(path) ? Self.placeholder(for: path) : String(decoding: data, as: UTF8.self)
            }
            try writeTree(tree, to: golden)
            for (path, data) in actual where !Self.isThemeAsset(path) {
                try data.write(to: golden.appendingPathComponent(path))
            }
            return
        }
        let expected = try readTree(golden)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "the set of files differs from Golden/\(name)")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[path] else { continue }
            if Self.isThemeAsset(path) {
                let source = repositoryRoot.appendingPathComponent("templates/assets/" + Self.unfingerprinted(path))
                #expect(data == (try? Data(contentsOf: source)), "\(path) is not a copy of \(source.path)")
                #expect(want == Data(Self.placeholder(for: path).utf8), "Golden/\(name)/\(path) is out of date")
            } else {
                #expect(data == want, "\(path) differs from Golden/\(name)/\(path)")
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

    @Test(arguments: fixtures) func twoBuildsAreByteForByteIdentical(_ name: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try build(name, into: folder.appendingPathComponent("one"))
        try build(name, into: folder.appendingPathComponent("two"))
        let one = try readTree(folder.appendingPathComponent("one"))
        #expect(!one.isEmpty)
        #expect(one == (try readTree(folder.appendingPathComponent("two"))))
    }

    /// Everything in the export that a reader will not see as written is named at its file and
    /// line: nothing an imported article held disappears without a word.
    @Test func theExportsLossesAreEachAWarningAtTheirLine() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try build("export", into: folder.appendingPathComponent("public"))
        let root = Self.fixture("export").path + "/"
        let found = summary.warnings.map { "\($0.file.replacingOccurrences(of: root, with: "")):\($0.line): \($0.message)" }
        let expected = [
            "Comptes et sécurité/Vérification d'identité/why-we-ask.md:28: the `href` of `<a>` was dropped: `javascript:` links may run code or open local files",
            "Comptes et sécurité/two-step.md:30: `<script>` was dropped with everything inside it",
            "Comptes et sécurité/two-step.md:32: `<iframe>` was dropped with everything inside it",
            "Getting Started & Setup/first-deposit.md:3: `sumary` is not a key Guidepost reads in front matter, so it is ignored",
            "Getting Started & Setup/first-deposit.md:18: the attribute `onclick` of `<td>` was dropped: event handlers never run on this site",
            "Getting Started & Setup/first-deposit.md:18: the attribute `style` of `<td>` was dropped: inline styles are blocked by the site's Content-Security-Policy; the theme styles the page",
            "Getting Started & Setup/first-deposit.md:31: the footnote `[^unused]` is never referenced, so it is not shown",
            "site.yml:6: `templateOverides` is not a key Guidepost reads in site.yml, so it is ignored",
        ]
        #expect(found == expected)
        #expect(summary.warnings.first { $0.message.hasPrefix("`sumary`") }?.hint?.contains("`summary`") == true)
        #expect(summary.warnings.first { $0.message.hasPrefix("`templateOverides`") }?.hint?.contains("`templateOverrides`") == true)
    }
}
