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
            try FileManager.default.createDirectory(at: Self.golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: output, to: Self.golden)
            return
        }
        let expected = try readTree(Self.golden)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "the set of files differs from Golden/site")
        for (path, data) in actual.sorted(by: { $0.key < $1.key }) {
            guard let want = expected[path] else { continue }
            #expect(data == want, "\(path) differs from Golden/site/\(path)")
        }
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
