import JSONSchemaCheck
@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

@Suite struct SchemaTests {
    let validator: SchemaValidator

    init() throws {
        validator = SchemaValidator(root: try JSONValue.parse(FlowSpec.jsonSchema))
    }

    private func specValue(_ flow: Flow) throws -> JSONValue {
        try JSONValue.parse(try flow.spec(resolveGuide: TestFlows.anyGuide).json())
    }

    @Test func theSchemaDeclaresDraft202012() throws {
        let schema = try JSONValue.parse(FlowSpec.jsonSchema)
        #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
    }

    @Test(arguments: HelpFlows.all.map(\.id))
    func everyHelpFlowSpecMatchesTheSchema(id: String) throws {
        let flow = try #require(HelpFlows.flow(id: id))
        #expect(validator.errors(in: try specValue(flow)) == [])
    }

    @Test func theTestFlowsMatchTheSchemaToo() throws {
        #expect(validator.errors(in: try specValue(TestFlows.tiny)) == [])
        #expect(validator.errors(in: try specValue(RenderingTests.awkward)) == [])
    }

    /// Each change makes the spec disagree with the schema, so the check above is not vacuous.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let name: String
        let expected: String
        let change: @Sendable (inout JSONValue) -> Void

        init(_ name: String, _ expected: String, _ change: @escaping @Sendable (inout JSONValue) -> Void) {
            self.name = name
            self.expected = expected
            self.change = change
        }

        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        Breakage("extra top-level field", ": unexpected property extra", { $0["extra"] = .string("x") }),
        Breakage("missing revision", ": missing revision", { $0["revision"] = nil }),
        Breakage("bad revision", "/revision: \"abc\" does not match ^fnv1a64-[0-9a-f]{16}$", { $0["revision"] = .string("abc") }),
        Breakage("wrong version", "/specVersion: expected the constant number(1.0)", { $0["specVersion"] = .number(2) }),
        Breakage("version as text", "/specVersion: expected the constant number(1.0)", { $0["specVersion"] = .string("1") }),
        Breakage("unknown tone", "/outcomes/0/tone: not one of the allowed values", {
            $0["outcomes"]?[0]?["tone"] = .string("danger")
        }),
        Breakage("outcome without guide", "/outcomes/1: missing guide", { $0["outcomes"]?[1]?["guide"] = nil }),
        Breakage("guide without url", "/outcomes/0/guide: missing url", { $0["outcomes"]?[0]?["guide"]?["url"] = nil }),
        Breakage("empty label", "/questions/0/options/1/label: shorter than 1", {
            $0["questions"]?[0]?["options"]?[1]?["label"] = .string("")
        }),
        Breakage("bad option id", "/questions/1/options/0/id: \"Ok\" does not match ^[a-z][a-z0-9-]*$", {
            $0["questions"]?[1]?["options"]?[0]?["id"] = .string("Ok")
        }),
        Breakage("single option", "/questions/0/options: fewer than 2 items", {
            if case .array(let options) = $0["questions"]?[0]?["options"] {
                $0["questions"]?[0]?["options"] = .array(Array(options.prefix(1)))
            }
        }),
        Breakage("hint as number", "/questions/0/hint: expected string", { $0["questions"]?[0]?["hint"] = .number(3) }),
        Breakage("questions as object", "/questions: expected array", { $0["questions"] = .object([:]) }),
    ]

    @Test(arguments: breakages)
    func aSpecThatDisagreesWithTheSchemaFails(breakage: Breakage) throws {
        var spec = try specValue(TestFlows.tiny)
        let original = spec
        breakage.change(&spec)
        #expect(spec != original, "\(breakage.name) changed nothing")
        #expect(validator.errors(in: spec) == [breakage.expected], "\(breakage.name)")
    }

    @Test func unsupportedSchemaKeywordsAreReported() throws {
        let schema = try JSONValue.parse(#"{"type": "object", "maxProperties": 1}"#)
        #expect(SchemaValidator(root: schema).errors(in: .object([:])) == [": unsupported schema keyword maxProperties"])
    }
}
