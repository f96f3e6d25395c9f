import Foundation
import Testing

/// A `next:` to a node that does not exist must not compile. Type-checks a tiny flow with
/// `swiftc -typecheck` against FlowKit's own sources (no build products needed), once as
/// written and once with one reference broken.
@Suite struct TypedReferenceCompileTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let snippet = """
        enum Node: String, FlowNodeName { case first, done }
        enum Other: String, FlowNodeName { case elsewhere }
        let flow = Flow(id: "tiny", title: "Tiny", intro: "Tiny.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: NEXT)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
        }
        """

    /// swiftc's exit status and what it printed.
    private func typecheck(next: String) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowkit-typecheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("Snippet.swift")
        try Self.snippet.replacingOccurrences(of: "NEXT", with: next).write(to: file, atomically: true, encoding: .utf8)
        let sources = try FileManager.default.contentsOfDirectory(
            at: Self.packageRoot.appendingPathComponent("Sources/FlowKit"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }.map(\.path).sorted()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc", "-typecheck", "-module-name", "FlowKit", "-parse-as-library"] + sources + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func aReferenceToAnExistingNodeCompiles() throws {
        let result = try typecheck(next: ".done")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aReferenceToANodeThatDoesNotExistDoesNotCompile() throws {
        let result = try typecheck(next: ".dnoe")
        #expect(result.status != 0)
        #expect(result.output.contains("Snippet.swift:6:"), "\(result.output)")
        #expect(result.output.contains("has no member 'dnoe'"), "\(result.output)")
    }

    @Test func aReferenceToAnotherFlowsNodeDoesNotCompile() throws {
        let result = try typecheck(next: "Other.elsewhere")
        #expect(result.status != 0)
        #expect(result.output.contains("cannot convert value of type 'Other'"), "\(result.output)")
    }

    @Test func aStringIsNotANodeReference() throws {
        let result = try typecheck(next: "\"done\"")
        #expect(result.status != 0, "\(result.output)")
    }
}
