import Foundation
import Guidepost
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real `sitegen` binary killed with SIGKILL in the middle of writing a large site: the
/// output folder still holds the last good build, byte for byte, and the next build tidies up.
@Suite(.timeLimit(.minutes(5))) struct KillTests {
    static func corpus(_ guides: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Benchmarks/make-corpus.py").path, String(guides), folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "make-corpus.py \(guides) failed")
    }

    static func sitegen(content: URL, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = ["build", "--content", content.path, "--output", output.path]
        process.currentDirectoryURL = repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func build(content: URL, output: URL) throws {
        let process = try sitegen(content: content, output: output)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "sitegen build \(content.lastPathComponent) failed")
    }

    @Test func aBuildKilledWhileWritingLeavesTheLastGoodSiteAndTheNextTidiesUp() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let small = root.appendingPathComponent("small"), large = root.appendingPathComponent("large")
        let output = root.appendingPathComponent("public")
        let staging = root.appendingPathComponent(".public.staging"), retired = root.appendingPathComponent(".public.previous")
        try Self.corpus(30, into: small)
        try Self.corpus(3000, into: large)

        try Self.build(content: small, output: output)
        let good = try readTree(output)
        #expect(good.count > 30)

        // The kill lands just after the first files reach the staging folder (its top level
        // holds a few files and the folders; looking there is cheap enough to do every millisecond).
        let process = try Self.sitegen(content: large, output: output)
        let deadline = Date().addingTimeInterval(240)
        func started() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []).contains { name in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: staging.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue
            }
        }
        while process.isRunning, Date() < deadline, !started() {
            usleep(1_000)
        }
        usleep(50_000)
        try #require(process.isRunning, "the large build ended (or timed out) before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

        // Killed part-way: a half-written staging folder, and the old site untouched.
        let written = try LocalFileSystem().files(under: staging.path).count
        #expect(written > 0 && written < 3000, "\(written) files in the staging folder")
        #expect(try readTree(output) == good, "public/ changed under a killed build")

        // The next build tidies the leftovers and publishes; the same input gives the same bytes.
        try Self.build(content: small, output: output)
        #expect(try readTree(output) == good)
        #expect(!FileManager.default.fileExists(atPath: staging.path), "the staging folder was left behind")
        #expect(!FileManager.default.fileExists(atPath: retired.path))
    }
}
