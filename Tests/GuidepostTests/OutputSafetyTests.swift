import Foundation
import Testing
@testable import Guidepost
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build writes only where it should: never into its own inputs, never through a link
/// someone planted beside its output, never with a template folder from outside the project.
@Suite struct OutputSafetyTests {
    /// A small project on disk: the golden fixture and the real theme.
    static func project() throws -> (root: URL, options: BuildOptions) {
        let root = try temporaryFolder()
        try FileManager.default.copyItem(at: GoldenSiteTests.fixture, to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        let options = BuildOptions(content: root.appendingPathComponent("content").path, templates: root.appendingPathComponent("templates").path,
                                   output: root.appendingPathComponent("public").path)
        return (root, options)
    }

    @Test func aLinkPlantedWhereTheCacheUsedToBeWrittenIsNeverFollowed() throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let cacheFolder = root.appendingPathComponent(".sitegen-cache")
        try FileManager.default.createDirectory(at: cacheFolder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cacheFolder.appendingPathComponent("public.cache.tmp").path, withDestinationPath: victim.path)

        let summary = try BuildPipeline(options: options).build()
        #expect(summary.cacheWarning == nil)
        #expect(try Data(contentsOf: victim) == Data("precious".utf8))
        #expect(try BuildPipeline(options: options).build().cleanBecause == nil, "the cache was not saved")
        let left = try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).sorted()
        #expect(left == ["public.cache", "public.cache.tmp"], "a temporary file was left: \(left)")
    }

    @Test func aFreshWriteRefusesALinkOrAFileAlreadyThere() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: victim.path)
        let writer = FolderWriter(root: root.path)
        #expect(throws: FolderWriter.Failure.self) { try writer.write(Data("x".utf8), to: "link", mode: .fresh) }
        #expect(throws: FolderWriter.Failure.self) { try writer.write(Data("x".utf8), to: "victim.txt", mode: .fresh) }
        #expect(try Data(contentsOf: victim) == Data("precious".utf8))
    }
}
