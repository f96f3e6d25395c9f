@_spi(Untyped) import FlowKit
import Testing

@Suite struct ModelTests {
    @Test func buildersKeepWrittenOrderAndSupportConditionsAndLoops() {
        let extra = true
        let flow = Flow(id: "f", title: "F", intro: "I.", start: "q") {
            Question("q", "Q?") {
                for letter in ["a", "b"] {
                    Option(letter, letter.uppercased(), next: "x")
                }
                if extra {
                    Option("c", "C", next: "y")
                }
            }
            if extra {
                Outcome("x", title: "X", summary: "X.", guide: "g")
            } else {
                Outcome("never", title: "N", summary: "N.", guide: "g")
            }
            Outcome("y", title: "Y", summary: "Y.", guide: "g", anchor: "s", tone: .warning)
        }
        #expect(flow.nodes.map(\.id) == ["q", "x", "y"])
        #expect(flow.questions.first?.options.map(\.id) == ["a", "b", "c"])
        #expect(flow.outcomes.map(\.tone) == [.success, .warning])
        #expect(flow.node("y")?.outcome?.anchor == "s")
        #expect(flow.node("q")?.question?.option("b")?.label == "B")
        #expect(flow.node("missing") == nil)
    }

    @Test func pathsSkipLoopsAndBrokenLinks() {
        let flow = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("again", "Again", next: "q")
                Option("b", "B", next: "gone")
            }
            TestFlows.x
        }
        #expect(flow.paths().map(\.description) == ["q=a → x"])
        #expect(TestFlows.sound(start: "nowhere").paths().isEmpty)
    }

    @Test func aFlowThatStartsAtAnOutcomeHasOneEmptyPath() throws {
        let flow = Flow(id: "f", title: "F", intro: "I.", start: "x") { TestFlows.x }
        #expect(flow.paths() == [FlowPath(steps: [], outcome: "x")])
        #expect(try flow.evaluate([]).outcome == TestFlows.x)
        #expect(flow.resume(["q": "a"]).dropped == ["q"])
    }
}
