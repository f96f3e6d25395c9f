@_spi(Untyped) import FlowKit
import Testing

@Suite struct ValidationTests {
    typealias Problem = FlowValidationError.Problem

    /// Checks that `flow` has exactly these problems, and that each message names the flow
    /// and every node (and option) it is about, so an author can find the spot.
    private func expectProblems(
        _ flow: Flow, _ expected: [Problem], naming names: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let errors = flow.validate()
        #expect(errors.map(\.problem) == expected, sourceLocation: sourceLocation)
        for error in errors {
            #expect(error.flow == flow.id, sourceLocation: sourceLocation)
            #expect(error.description.contains("\"\(flow.id)\""), sourceLocation: sourceLocation)
        }
        let messages = errors.map(\.description).joined(separator: "\n")
        for name in names {
            #expect(messages.contains("\"\(name)\""), "message should name \(name): \(messages)", sourceLocation: sourceLocation)
        }
    }

    @Test func aSoundFlowHasNoProblems() throws {
        #expect(TestFlows.sound().validate().isEmpty)
        #expect(try TestFlows.sound().validated() == TestFlows.sound())
    }

    @Test func unknownStart() {
        expectProblems(
            TestFlows.sound(start: "nowhere"), [.unknownStart(start: "nowhere", nodes: ["q", "x", "y"])],
            naming: ["nowhere"])
    }

    @Test func duplicateNodeIds() {
        let flow = TestFlows.sound {
            TestFlows.soundNodes
            TestFlows.y
        }
        expectProblems(flow, [.duplicateNode(id: "y", count: 2)], naming: ["y"])
        #expect(flow.validate().first?.node == "y")
    }

    @Test func duplicateOptionIds() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("a", "Also A", next: "y")
                Option("a", "A again", next: "y")
            }
            TestFlows.x
            TestFlows.y
        }
        expectProblems(flow, [.duplicateOption(question: "q", option: "a")], naming: ["q", "a"])
    }

    @Test func optionPointingAtAMissingNode() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "gone")
            }
            TestFlows.x
        }
        expectProblems(flow, [.missingTarget(question: "q", option: "b", target: "gone")], naming: ["q", "b", "gone"])
    }

    @Test func unreachableNode() {
        let flow = TestFlows.sound {
            TestFlows.soundNodes
            Outcome("z", title: "Z", summary: "Do z.", guide: "gz")
        }
        expectProblems(flow, [.unreachable(node: "z")], naming: ["z"])
    }

    @Test func cycle() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "r")
            }
            Question("r", "Really?") {
                Option("back", "Start over", next: "q")
                Option("on", "Go on", next: "x")
            }
            TestFlows.x
        }
        expectProblems(flow, [.cycle(nodes: ["q", "r"])], naming: ["q", "r"])
        #expect(flow.validate().first?.description.contains("\"q\" → \"r\" → \"q\"") == true)
    }

    @Test func aQuestionLeadingToItselfIsACycle() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("again", "Ask again", next: "q")
            }
            TestFlows.x
        }
        expectProblems(flow, [.cycle(nodes: ["q"])], naming: ["q"])
    }

    @Test func questionWithOneOption() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") { Option("a", "A", next: "x") }
            TestFlows.x
        }
        expectProblems(flow, [.tooFewOptions(question: "q", count: 1)], naming: ["q"])
    }

    @Test func questionWithNoOptions() {
        let flow = TestFlows.sound { Question(id: "q", prompt: "Pick one?", options: []) }
        expectProblems(flow, [.tooFewOptions(question: "q", count: 0)], naming: ["q"])
    }

    @Test(arguments: ["Broken", "1st", "-x", "a_b", "", "café"])
    func invalidFlowID(id: String) {
        expectProblems(TestFlows.sound(id: id), [.invalidID(kind: .flow, id: id, node: nil)], naming: [id])
    }

    @Test func invalidNodeID() {
        let flow = TestFlows.sound(start: "Q") {
            Question("Q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "y")
            }
            TestFlows.x
            TestFlows.y
        }
        expectProblems(flow, [.invalidID(kind: .node, id: "Q", node: nil)], naming: ["Q"])
    }

    @Test func invalidOptionID() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("Yes please", "A", next: "x")
                Option("b", "B", next: "y")
            }
            TestFlows.x
            TestFlows.y
        }
        expectProblems(flow, [.invalidID(kind: .option, id: "Yes please", node: "q")], naming: ["q", "Yes please"])
    }

    @Test func emptyPromptLabelAndHint() {
        let flow = TestFlows.sound {
            Question("q", " ", hint: "") {
                Option("a", "", next: "x")
                Option("b", "B", next: "y")
            }
            TestFlows.x
            TestFlows.y
        }
        expectProblems(flow, [
            .emptyText(field: .prompt, node: "q", option: nil),
            .emptyText(field: .hint, node: "q", option: nil),
            .emptyText(field: .label, node: "q", option: "a"),
        ], naming: ["q", "a"])
    }

    @Test func emptyOutcomeTexts() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "y")
            }
            Outcome("x", title: "", summary: "\n", guide: "", anchor: "")
            TestFlows.y
        }
        expectProblems(flow, [
            .emptyText(field: .title, node: "x", option: nil),
            .emptyText(field: .summary, node: "x", option: nil),
            .emptyText(field: .guide, node: "x", option: nil),
            .emptyText(field: .anchor, node: "x", option: nil),
        ], naming: ["x"])
    }

    @Test func emptyFlowTitle() {
        expectProblems(TestFlows.sound(title: ""), [.emptyText(field: .flowTitle, node: nil, option: nil)], naming: [])
        #expect(TestFlows.sound(title: "").validate().first?.description.contains("title") == true)
    }

    @Test func allProblemsAreReportedAtOnce() {
        let flow = TestFlows.sound(id: "Bad") {
            Question("q", "") { Option("a", "A", next: "gone") }
            TestFlows.x
        }
        let thrown = #expect(throws: FlowValidationErrors.self) { try flow.validated() }
        #expect(thrown?.errors.map(\.problem) == [
            .invalidID(kind: .flow, id: "Bad", node: nil),
            .emptyText(field: .prompt, node: "q", option: nil),
            .tooFewOptions(question: "q", count: 1),
            .missingTarget(question: "q", option: "a", target: "gone"),
            .unreachable(node: "x"),
        ])
        #expect(thrown?.description.contains("5 problems") == true)
    }

    @Test func guideReferencesFollowOutcomeOrder() {
        #expect(TestFlows.tiny.guideReferences == [
            GuideReference(outcome: "done", guide: "getting-started"),
            GuideReference(outcome: "careful", guide: "getting-started", anchor: "costs"),
        ])
    }
}
