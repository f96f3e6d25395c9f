@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

@Suite struct EvaluateTests {
    let flow = HelpFlows.occupiedContact

    @Test func noAnswersStartsAtTheStart() throws {
        let state = try flow.evaluate([])
        #expect(state.question?.id == "contact")
    }

    @Test func partialAnswersStopAtTheNextQuestion() throws {
        let state = try flow.evaluate(["email", "yes"])
        #expect(state.question?.id == "old-account")
        #expect(state.dropped.isEmpty)
    }

    @Test func aWrongIdNamesTheQuestionTheIdAndTheChoices() throws {
        let error = #expect(throws: FlowEvaluationError.self) { try flow.evaluate(["phone", "maybe"]) }
        #expect(error == .notAnOption(
            flow: "occupied-contact", question: "sms", position: 2, given: "maybe", valid: ["yes", "no"]))
        let message = try #require(error).description
        #expect(message.contains("\"sms\""))
        #expect(message.contains("\"maybe\""))
        #expect(message.contains("yes, no"))
        #expect(message.contains("answer 2"))
    }

    @Test func anOptionOfAnotherQuestionIsWrongHere() {
        // "unsure" belongs to old-account, not to email-codes.
        #expect(throws: FlowEvaluationError.notAnOption(
            flow: "occupied-contact", question: "email-codes", position: 2, given: "unsure", valid: ["yes", "no"])
        ) { try flow.evaluate(["email", "unsure"]) }
    }

    @Test func answersAfterAnOutcomeAreAnError() throws {
        let error = #expect(throws: FlowEvaluationError.self) { try flow.evaluate(["phone", "yes", "no", "yes"]) }
        #expect(error == .answersAfterOutcome(flow: "occupied-contact", outcome: "change-phone", used: 2, extra: ["no", "yes"]))
        let message = try #require(error).description
        #expect(message.contains("\"change-phone\""))
        #expect(message.contains("no, yes"))
    }

    @Test func aMissingStartIsReportedNotCrashed() {
        let broken = TestFlows.sound(start: "nowhere")
        #expect(throws: FlowEvaluationError.missingNode(flow: "broken", node: "nowhere", from: nil)) {
            try broken.evaluate(["a"])
        }
    }

    @Test func aBrokenLinkIsReported() {
        let broken = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "gone")
            }
            TestFlows.x
        }
        #expect(throws: FlowEvaluationError.missingNode(
            flow: "broken", node: "gone", from: FlowStep(question: "q", option: "b"))
        ) { try broken.evaluate(["b"]) }
    }
}
