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
        try FileManager.default.copyItem(at: GoldenSiteTests.fixture("site"), to: root.appendingPathComponent("content"))
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

    @Test func aLinkPlantedWhereTheStagingFolderGoesIsRemovedNotFollowed() throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let victim = root.appendingPathComponent("victim")
        try writeTree(["keep.txt": "precious"], to: victim)
        for name in [".public.staging", ".public.previous"] {
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: victim.path)
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: true)
        _ = try BuildPipeline(options: options).build()
        _ = try BuildPipeline(options: options).build()
        #expect(try readEverything(victim) == ["keep.txt": Data("precious".utf8)])
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

    /// Builds with `change` made to the options, expecting an output error before anything is
    /// written: the project's files all as they were, and no output folder made.
    func expectRefused(_ change: (inout BuildOptions, URL) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        var changed = options
        try change(&changed, root)
        let before = try readEverything(root)
        #expect(sourceLocation: sourceLocation) {
            _ = try BuildPipeline(options: changed).build()
        } throws: { error in
            (error as? BuildErrors)?.errors.allSatisfy { $0.kind == .output } == true
        }
        #expect(try readEverything(root) == before, "the build touched the project", sourceLocation: sourceLocation)
    }

    /// Once these built and exited 0: the guides were replaced by the site, or every build
    /// published the last one again under media/.
    @Test func anOutputFolderInsideTheContentIsRefused() throws {
        try expectRefused { options, _ in options.output = options.content + "/Getting Started" }
        try expectRefused { options, _ in options.output = options.content + "/public" }
        try expectRefused { options, root in options.output = root.appendingPathComponent("public/../content/x").path }
        try expectRefused { options, _ in options.output = options.content }
    }

    @Test func anOutputFolderReachedThroughALinkIsRefused() throws {
        try expectRefused { options, root in
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("site").path, withDestinationPath: options.content)
            options.output = root.appendingPathComponent("site/public").path
        }
    }

    @Test func anOutputFolderHoldingTheInputsIsRefused() throws {
        try expectRefused { options, root in options.output = root.path }
        try expectRefused { options, _ in options.output = "/" }
    }

    @Test func templatesAndOverridesMustNotOverlap() throws {
        try expectRefused { options, _ in options.overrides = options.templates + "/partials" }
        try expectRefused { options, _ in options.templates = options.content }
    }

    @Test func overridesNamedInSiteYmlMustBeInsideTheProject() throws {
        var tree = minimalTheme
        tree["content/a.md"] = guideFile("A")
        tree["content/site.yml"] = "title: T\ntemplateOverrides: ../elsewhere\n"
        tree["../elsewhere/guide.mustache"] = "evil"
        #expect {
            _ = try BuildPipeline(fileSystem: InMemoryFileSystem(tree)).generate()
        } throws: { error in
            let errors = (error as? BuildErrors)?.errors ?? []
            return errors.count == 1 && errors[0].file == "content/site.yml" && errors[0].line == 2 && errors[0].message.contains("outside the project folder")
        }
        let report = BuildPipeline(fileSystem: InMemoryFileSystem(tree)).check()
        #expect(report.findings.contains { $0.description.hasPrefix("content/site.yml:2:1: error: `templateOverrides: ../elsewhere` is outside") })
        // On the command line it is the person building who chose it.
        let site = try BuildPipeline(options: BuildOptions(overrides: "../elsewhere"), fileSystem: InMemoryFileSystem(tree)).generate()
        #expect(site.text("guides/a/index.html") == "evil")
    }

    @Test func overridesNamedInSiteYmlMayNotLeaveTheProjectThroughALink() throws {
        let (root, options) = try Self.project()
        defer { try? FileManager.default.removeItem(at: root) }
        let elsewhere = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("mine").path, withDestinationPath: elsewhere.path)
        let config = root.appendingPathComponent("content/site.yml")
        try Data((try String(contentsOf: config, encoding: .utf8) + "\ntemplateOverrides: \(root.path)/mine\n").utf8).write(to: config)
        #expect(throws: BuildErrors.self) { try BuildPipeline(options: options).build() }
        try FileManager.default.removeItem(at: root.appendingPathComponent("mine"))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("mine"), withIntermediateDirectories: true)
        _ = try BuildPipeline(options: options).build()
    }
}
