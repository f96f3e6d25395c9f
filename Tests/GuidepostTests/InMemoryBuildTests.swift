import Foundation
import Testing
@testable import Guidepost

/// The whole build, publishing, the build cache and the swap included, against the in-memory
/// file system: what `build()` leaves in the output folder must be what `generate()` makes,
/// after a first build, an edit and a deletion, and nothing may reach the disk.
@Suite struct InMemoryBuildTests {
    /// Somewhere no test writes on disk: the build must not create it.
    let root = "/guidepost-in-memory-\(UUID().uuidString)"

    func write(_ text: String, to path: String, in fileSystem: InMemoryFileSystem) throws {
        try Data(text.utf8).withUnsafeBytes { try fileSystem.write($0, to: path, fresh: false) }
    }

    /// The output folder's files, as `generate()` would name them.
    func published(_ fileSystem: InMemoryFileSystem) -> [String: Data] {
        let prefix = root + "/public/"
        var files: [String: Data] = [:]
        for (path, data) in fileSystem.contents where path.hasPrefix(prefix) { files[String(path.dropFirst(prefix.count))] = data }
        return files
    }

    func expectSameAsGenerate(_ pipeline: BuildPipeline, _ fileSystem: InMemoryFileSystem,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        var expected: [String: Data] = [:]
        for file in try pipeline.generate().files {
            guard case .bytes(let data) = file.contents else { continue }
            expected[file.path] = data
        }
        let actual = published(fileSystem)
        #expect(actual.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from generate()'s", sourceLocation: sourceLocation)
        }
    }

    @Test func aSiteIsBuiltEditedAndRebuiltEntirelyInMemory() throws {
        var tree = minimalTheme
        tree["content/site.yml"] = "title: Test Help\nbaseURL: https://help.example.com/\n"
        tree["content/Basics/alpha.md"] = guideFile("Alpha", body: "First text.")
        tree["content/Basics/beta.md"] = guideFile("Beta", body: "See [alpha](alpha.md).")
        tree["content/Basics/gamma.md"] = guideFile("Gamma")
        // Enough other pages that one edit is a small part of the site, which goes in place.
        for number in 1...12 { tree["content/More/guide-\(number).md"] = guideFile("Guide \(number)") }
        let fileSystem = InMemoryFileSystem(tree)
        var pipeline = BuildPipeline(options: BuildOptions(output: root + "/public"), fileSystem: fileSystem)
        pipeline.flowCatalog = []

        let first = try pipeline.build()
        #expect(first.cleanBecause == "no cache from an earlier build")
        try expectSameAsGenerate(pipeline, fileSystem)
        #expect(fileSystem.isFile(root + "/.sitegen-cache/public.cache"))
        #expect(published(fileSystem).keys.contains { $0.contains("gamma") })

        // An edit to one guide's body rewrites its page in place, and nothing else.
        try write(guideFile("Alpha", body: "Second text."), to: "content/Basics/alpha.md", in: fileSystem)
        let edited = try pipeline.build()
        #expect(edited.cleanBecause == nil)
        #expect(edited.written >= 1 && edited.written < edited.fileCount)
        #expect(published(fileSystem).values.contains { String(decoding: $0, as: UTF8.self).contains("Second text.") })
        try expectSameAsGenerate(pipeline, fileSystem)

        // A deleted guide's page goes.
        try fileSystem.removeFile("content/Basics/gamma.md")
        let removed = try pipeline.build()
        #expect(removed.cleanBecause == nil)
        #expect(removed.removed >= 1)
        #expect(!published(fileSystem).keys.contains { $0.contains("gamma") })
        try expectSameAsGenerate(pipeline, fileSystem)

        // No staging or retired folder is left, and the disk was never touched.
        #expect(fileSystem.entry(root + "/.public.staging") == nil && fileSystem.entry(root + "/.public.previous") == nil)
        #expect(!FileManager.default.fileExists(atPath: root))
    }
}
