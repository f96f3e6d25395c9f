import Foundation
import Testing
@testable import GuidepostServe

/// `sitegen serve` as an author runs it: the ready line, a page, Ctrl-C, the exit code.
@Suite struct ServeCLITests {
    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/sitegen")
    }

    /// A running `sitegen` whose output is collected as it arrives.
    final class Run: Sendable {
        let process: Process
        private let out = Locked(""), err = Locked("")

        init(_ arguments: [String], in folder: URL) throws {
            let process = Process()
            process.executableURL = ServeCLITests.executable
            process.arguments = arguments
            process.currentDirectoryURL = folder
            let stdout = Pipe(), stderr = Pipe()
            process.standardOutput = stdout
            process.standardError = stderr
            process.standardInput = FileHandle.nullDevice
            for (pipe, text) in [(stdout, out), (stderr, err)] {
                pipe.fileHandleForReading.readabilityHandler = { handle in
                    let data = handle.availableData
                    text.mutate { $0 += String(decoding: data, as: UTF8.self) }
                }
            }
            try process.run()
            self.process = process
        }

        var stdout: String { out.value }
        var stderr: String { err.value }

        func exited() async -> Bool { await eventually { !process.isRunning } }

        func stop() {
            if process.isRunning { process.terminate() }
        }
    }

    @Test func servesUntilCtrlCThenExitsZeroLeavingPublicAlone() async throws {
        let project = try TestProject()
        let run = try Run(["serve", "--port", "0"], in: project.root)
        defer { run.stop() }
        #expect(await eventually { run.stdout.contains("Ctrl-C to stop") }, "\(run.stderr)")
        #expect(run.stdout.firstMatch(of: /^Serving 7 pages at http:\/\/127\.0\.0\.1:\d+\/ — Ctrl-C to stop\n/) != nil)
        let port = try port(of: run.stdout)

        let page = try await get("/guides/start/", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("The first words."))
        try project.write("content/Basics/start.md", guide("Start here", "Edited."))
        #expect(await eventually { run.stdout.contains("Rebuilt 7 pages in ") })
        // Its first paragraph is its summary, shown on the pages that list it: some were made anew.
        #expect(run.stdout.contains("(content/Basics/start.md changed, "), "\(run.stdout)")
        #expect(run.stdout.contains(" of them made anew)"))
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("public").path))

        run.process.interrupt()
        #expect(await run.exited())
        #expect(run.process.terminationReason == .exit)
        #expect(run.process.terminationStatus == 0)
        #expect(run.stdout.hasSuffix("Stopped.\n"))
    }

    @Test func aContentErrorIsPrintedAsABuildPrintsIt() async throws {
        let project = try TestProject()
        let run = try Run(["serve", "--port", "0"], in: project.root)
        defer { run.stop() }
        #expect(await eventually { run.stdout.contains("Ctrl-C to stop") })
        try project.write("content/Basics/next.md", guide("Next step", "[x](gone.md)"))
        #expect(await eventually { run.stderr.contains("Still serving the last good site") })
        #expect(run.stderr.hasPrefix("content/Basics/next.md:4:1: error: the link `gone.md`"))
        #expect(run.stderr.contains("\n1 error\n"))
        run.process.interrupt()
        #expect(await run.exited())
        #expect(run.process.terminationStatus == 0)
    }

    /// Clients flooding it with oversized requests while it is told to stop: it stops anyway,
    /// within about a second (5 s is the harness's bound, not the promise).
    @Test(arguments: [SIGTERM, SIGINT])
    func aBusyServerStopsWhenSignalled(signal: Int32) async throws {
        let project = try TestProject()
        let run = try Run(["serve", "--port", "0"], in: project.root)
        defer { run.stop() }
        #expect(await eventually { run.stdout.contains("Ctrl-C to stop") })
        let port = try port(of: run.stdout)
        let flooding = Locked(true)
        for _ in 0..<6 {
            Thread {
                let path = "/" + String(repeating: "a", count: 1_000_000)
                while flooding.value, let connection = try? RawConnection(port: port, timeout: 1) {
                    connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    _ = connection.receive()
                }
            }.start()
        }
        defer { flooding.mutate { $0 = false } }
        try await Task.sleep(for: .milliseconds(500))
        kill(run.process.processIdentifier, signal)
        #expect(await eventually(timeout: .seconds(5)) { !run.process.isRunning }, "still running 5 s after the signal")
        #expect(run.process.terminationReason == .exit)
        #expect(run.process.terminationStatus == 0)
        #expect(run.stdout.hasSuffix("Stopped.\n"))
    }

    @Test func aBusyPortExitsOneAndABadOneTwo() async throws {
        let project = try TestProject()
        let server = DevServer(options: project.options())
        let busy = try port(of: try await server.start())
        let taken = try Run(["serve", "--port", String(busy)], in: project.root)
        defer { taken.stop() }
        #expect(await taken.exited())
        await server.stop()
        #expect(taken.process.terminationStatus == 1)
        #expect(taken.stderr.contains("cannot listen on 127.0.0.1:\(busy)"))

        let bad = try Run(["serve", "--port", "70000"], in: project.root)
        defer { bad.stop() }
        #expect(await bad.exited())
        #expect(bad.process.terminationStatus == 2)
        #expect(bad.stderr.contains("--port must be a number from 0 to 65535"))
    }
}
