@_spi(Untyped) import FlowKit
import Testing

/// What only the build can catch is reported at the Swift line where the author wrote the
/// node or option at fault, as `Tests/FlowKitTests/LocatedErrorTests.swift:<line>`.
@Suite struct LocatedErrorTests {
    enum Node: String, FlowNodeName {
        case first, second, done, spare
        case neverWritten = "never-written"
    }

    static let file = "Tests/FlowKitTests/LocatedErrorTests.swift"

    /// The one error `flow` has, as `file:line`.
    private func onlyError(_ flow: Flow) -> (problem: FlowValidationError.Problem?, at: String?) {
        let errors = flow.validate()
        #expect(errors.count == 1, "\(errors)")
        return (errors.first?.problem, errors.first?.location?.description)
    }

    @Test func aSoundTypedFlowHasNoProblemsAndItsIDsAreTheRawValues() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .second)
            }
            Ask(.second, "Second?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .done)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g", tone: .warning)
        }
        #expect(flow.validate().isEmpty)
        #expect(flow.start == "first")
        #expect(flow.nodes.map(\.id) == ["first", "second", "done"])
        #expect(flow.outcomes.first?.tone == .warning)
        #expect(flow.location == CodeLocation(file: Self.file, line: #line - 15))
        #expect(flow.questions.first?.options.last?.location == CodeLocation(file: Self.file, line: #line - 13))
    }

    @Test func anUnreachableNodeIsReportedWhereItIsWritten() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .done)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
            Ending(.spare, title: "Spare", summary: "Never reached.", guide: "g")
        }
        let error = onlyError(flow)
        #expect(error.problem == .unreachable(node: "spare"))
        #expect(error.at == "\(Self.file):\(#line - 4)")
    }

    @Test func aCycleIsReportedAtTheAnswerThatClosesIt() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .second)
                Answer("b", "B", next: .done)
            }
            Ask(.second, "Second?") {
                Answer("back", "Back", next: .first)
                Answer("on", "On", next: .done)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
        }
        let error = onlyError(flow)
        #expect(error.problem == .cycle(nodes: ["first", "second"]))
        #expect(error.at == "\(Self.file):\(#line - 7)")
    }

    @Test func aDuplicateOptionIsReportedAtTheSecondOne() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("a", "Also A", next: .done)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
        }
        let error = onlyError(flow)
        #expect(error.problem == .duplicateOption(question: "first", option: "a"))
        #expect(error.at == "\(Self.file):\(#line - 6)")
    }

    @Test func aDuplicateNodeIsReportedAtTheSecondOne() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .done)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
            Ending(.done, title: "Done again", summary: "Done.", guide: "g")
        }
        let error = onlyError(flow)
        #expect(error.problem == .duplicateNode(id: "done", count: 2))
        #expect(error.at == "\(Self.file):\(#line - 4)")
    }

    /// A case of the enum that no `Ask` or `Ending` defines compiles, so the build names the
    /// answer that points at it.
    @Test func anAnswerToANodeNeverWrittenIsReportedAtTheAnswer() {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .neverWritten)
            }
            Ending(.done, title: "Done", summary: "Done.", guide: "g")
        }
        let error = onlyError(flow)
        #expect(error.problem == .missingTarget(question: "first", option: "b", target: "never-written"))
        #expect(error.at == "\(Self.file):\(#line - 6)")
    }

    @Test func aMissingGuideIsReportedAtTheOutcome() throws {
        let flow = Flow(id: "typed", title: "Typed", intro: "For tests.", start: Node.first) {
            Ask(.first, "First?") {
                Answer("a", "A", next: .done)
                Answer("b", "B", next: .second)
            }
            Ending(.second, title: "Second", summary: "Fine.", guide: "getting-started")
            Ending(.done, title: "Done", summary: "Done.", guide: "getting-started", anchor: "nope")
        }
        #expect(throws: FlowSpecError.unknownGuide(flow: "typed", outcome: "done", guide: "getting-started", anchor: "nope")) {
            try flow.spec(resolveGuide: TestFlows.gettingStartedOnly)
        }
        #expect(flow.node("done")?.location?.description == "\(Self.file):\(#line - 5)")
    }

    @Test func pathsAreShownFromThePackageRoot() {
        #expect(CodeLocation(filePath: "/home/me/Sources/guidepost/Sources/HelpFlows/A.swift", line: 3).description
            == "Sources/HelpFlows/A.swift:3")
        #expect(CodeLocation(filePath: "/work/Tests/FlowKitTests/B.swift", line: 9).file == "Tests/FlowKitTests/B.swift")
        #expect(CodeLocation(filePath: "Elsewhere.swift", line: 1).file == "Elsewhere.swift")
    }
}
