import Foundation
import Testing

/// A `next:` to a node that does not exist must not compile, and neither may a flow written
/// with the untyped string builders, which only tests reach (`@_spi(Untyped)`). Compiles
/// FlowKit's own sources into a module once (no build products needed), then type-checks a tiny
/// flow against it the way a catalog file in another module sees it.
@Suite struct TypedReferenceCompileTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let snippet = """
        import FlowKit
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

    static let untypedSnippet = """
        IMPORT
        let flow = Flow(id: "tiny", title: "Tiny", intro: "Tiny.", start: "first") {
            Question("first", "First?") {
                Option("a", "A", next: "done")
                Option("b", "B", next: "dnoe")
            }
            Outcome("done", title: "Done", summary: "Done.", guide: "g")
        }
        """

    /// FlowKit as a module, built once for the suite: the folder to pass as `-I`, or why not.
    static let module: Result<URL, ModuleError> = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flowkit-module-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // FlowKit's one dependency first, into the same folder.
            for name in ["GuidepostSupport", "FlowKit"] {
                let sources = try FileManager.default.contentsOfDirectory(
                    at: packageRoot.appendingPathComponent("Sources/\(name)"), includingPropertiesForKeys: nil)
                    .filter { $0.pathExtension == "swift" }.map(\.path).sorted()
                let result = try swiftc(["-emit-module", "-module-name", name, "-parse-as-library", "-I", folder.path,
                                         "-emit-module-path", folder.appendingPathComponent("\(name).swiftmodule").path] + sources)
                guard result.status == 0 else { return .failure(ModuleError(output: result.output)) }
            }
            return .success(folder)
        } catch {
            return .failure(ModuleError(output: "\(error)"))
        }
    }()

    struct ModuleError: Error { let output: String }

    private static func swiftc(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swiftc"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// swiftc's exit status and what it printed for `source`, type-checked against FlowKit.
    private func typecheck(_ source: String) throws -> (status: Int32, output: String) {
        let module = try Self.module.get()
        let file = module.appendingPathComponent("Snippet-\(UUID().uuidString).swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Self.swiftc(["-typecheck", "-I", module.path, file.path])
    }

    private func typecheck(next: String) throws -> (status: Int32, output: String) {
        try typecheck(Self.snippet.replacingOccurrences(of: "NEXT", with: next))
    }

    @Test func theUntypedBuildersDoNotCompileOutsideTests() throws {
        let result = try typecheck(Self.untypedSnippet.replacingOccurrences(of: "IMPORT", with: "import FlowKit"))
        #expect(result.status != 0)
        #expect(result.output.contains("@_spi") || result.output.contains("inaccessible") || result.output.contains("no exact matches"),
                "\(result.output)")
    }

    @Test func theUntypedBuildersCompileForTestsThatOptIn() throws {
        let result = try typecheck(Self.untypedSnippet.replacingOccurrences(of: "IMPORT", with: "@_spi(Untyped) import FlowKit"))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aReferenceToAnExistingNodeCompiles() throws {
        let result = try typecheck(next: ".done")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aReferenceToANodeThatDoesNotExistDoesNotCompile() throws {
        let result = try typecheck(next: ".dnoe")
        #expect(result.status != 0)
        #expect(result.output.contains(".swift:7:"), "\(result.output)")
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
