import Foundation
import Testing

/// The `sitegen` executable as a user runs it: output, exit codes, and the output folder.
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/sitegen")
    }

    func sitegen(_ arguments: [String], input: String? = nil, in folder: URL = repositoryRoot) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["CI"] = "true"
        process.environment = environment
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A project folder with the minimal theme and the given content.
    func project(_ content: [String: String]) throws -> URL {
        let root = try temporaryFolder()
        var tree = minimalTheme
        for (path, text) in withBaseURL(content) { tree["content/" + path] = text }
        try writeTree(tree, to: root)
        return root
    }

    @Test func aBuildPrintsOneSummaryLine() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try sitegen([], in: root)
        #expect(run.status == 0)
        #expect(run.stdout.wholeMatch(of: /Built 3 pages in \d+\.\d\d s → public\/ \(clean build: no cache from an earlier build\)\n/) != nil, "\(run.stdout)")
        #expect(run.stderr.isEmpty)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/guides/a/index.html").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(".sitegen-cache/public.cache").path))

        try writeTree(["content/a.md": guideFile("A", body: "Changed.")], to: root)
        let again = try sitegen([], in: root)
        #expect(again.status == 0)
        // The guide, the home page (which shows its summary, its first paragraph) and the search
        // index change (its manifest, and the term shard and fragment holding the new text, under
        // new names: the old ones are removed); the 404 page, the sitemap, the assets do not.
        #expect(again.stdout.wholeMatch(of: /Built 3 pages in \d+\.\d\d s → public\/ \(5 files rewritten, 2 removed, the rest unchanged\)\n/) != nil, "\(again.stdout)")

        let clean = try sitegen(["--clean"], in: root)
        #expect(clean.stdout.wholeMatch(of: /Built 3 pages in \d+\.\d\d s → public\/ \(clean build: asked to build clean\)\n/) != nil, "\(clean.stdout)")
    }

    /// mimalloc serves every malloc only while the command is linked so that it loads before
    /// libc; `--timings` says which allocator ran.
    @Test func theCommandAllocatesWithMimalloc() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try sitegen(["build", "--timings"], in: root)
        #expect(run.status == 0)
        #expect(run.stderr.contains(#/ · mimalloc \d+\.\d+\.\d+\n/#), "\(run.stderr)")
    }

    @Test func contentErrorsExitOneListEveryErrorAndKeepTheOutput() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try sitegen([], in: root).status == 0)
        let before = try readTree(root.appendingPathComponent("public"))
        try writeTree([
            "content/a.md": guideFile("A", body: "See [x](x.md)."),
            "content/b.md": guideFile("B", body: "[y](#nowhere)"),
        ], to: root)

        let run = try sitegen([], in: root)

        #expect(run.status == 1)
        // Line and column, as `sitegen check` places them.
        #expect(run.stderr.contains("content/a.md:4:5: error: the link `x.md`"))
        #expect(run.stderr.contains("content/b.md:4:1: error: the link `#nowhere`"))
        #expect(run.stderr.contains("2 errors"))
        #expect(run.stderr.contains("public/ was left as it was."))
        #expect(try readTree(root.appendingPathComponent("public")) == before)
    }

    @Test func optionsChooseTheFolders() throws {
        let root = try project(["a.md": guideFile("A")])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("content"), to: root.appendingPathComponent("docs"))
        try FileManager.default.moveItem(at: root.appendingPathComponent("templates"), to: root.appendingPathComponent("theme"))
        let run = try sitegen(["--content", "docs", "--templates", "theme", "--output", "out", "--base-url", "https://x.example/h/"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("out/guides/a/index.html"), encoding: .utf8)
        #expect(page.contains("https://x.example/h/guides/a/"))
    }

    @Test(arguments: [["--bogus"], ["--base-url", "not-a-url"], ["flow"], ["flow", "nope"], ["flow", "occupied-contact", "--answers", "phone,maybe"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let run = try sitegen(arguments)
        #expect(run.status == 2, "\(arguments): \(run.stderr)")
        #expect(run.stderr.contains("Error:"))
    }

    @Test func helpDescribesEveryOption() throws {
        let run = try sitegen(["build", "--help"])
        #expect(run.status == 0)
        for option in ["--content", "--templates", "--overrides", "--output", "--base-url"] {
            #expect(run.stdout.contains(option))
        }
        let root = try sitegen(["--help"])
        #expect(root.stdout.contains("Exit codes: 0 success, 1 content errors"))
    }

    @Test func flowPathsListEveryPathOfTheOccupiedContactFlow() throws {
        let run = try sitegen(["flow", "occupied-contact", "--paths"])
        #expect(run.status == 0)
        #expect(run.stdout == """
            contact=phone, sms=yes → change-phone
            contact=phone, sms=no, other-method=yes → reset-phone
            contact=phone, sms=no, other-method=no → support-phone
            contact=email, email-codes=yes, old-account=yes → move-assets-first
            contact=email, email-codes=yes, old-account=unsure → move-assets-first
            contact=email, email-codes=yes, old-account=no → migrate-email
            contact=email, email-codes=no → email-no-access

            """)
    }

    @Test func flowAnswersWithAWrongIDNameTheValidOnes() throws {
        let run = try sitegen(["flow", "missing-code", "--answers", "phone,maybe"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("question \"signal\": answer 2 is \"maybe\""), "\(run.stderr)")
        #expect(run.stderr.contains("Use one of: yes, no."), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func flowPathsListEveryPathOfTheMissingCodeFlow() throws {
        let run = try sitegen(["flow", "missing-code", "--paths"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 8)
        #expect(run.stdout.hasPrefix("contact=phone, signal=yes, tried-again=yes, other-method=yes → use-other-method\n"))
    }

    @Test func flowAnswersGiveTheOutcome() throws {
        let run = try sitegen(["flow", "occupied-contact", "--answers", "email,yes,no"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Outcome: Migrate the email to your account"))
        #expect(run.stdout.contains("Read the guide: email-migration"))
    }

    @Test func flowAsksQuestionsInTheTerminal() throws {
        let run = try sitegen(["flow", "occupied-contact"], input: "1\nmaybe\n2\nno\n")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Please answer with a number from 1 to 2."))
        #expect(run.stdout.contains("Outcome: Contact official support"))
    }

    @Test func flowStopsCleanlyWhenInputEnds() throws {
        let run = try sitegen(["flow", "occupied-contact"], input: "1\n")
        #expect(run.status == 1)
        #expect(run.stderr.contains("No answer given"))
    }

    @Test func flowGraphs() throws {
        let mermaid = try sitegen(["flow", "occupied-contact", "--graph", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("flowchart"))
        let dot = try sitegen(["flow", "occupied-contact", "--graph", "dot"])
        #expect(dot.stdout.hasPrefix("digraph"))
    }
}
