@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

@Suite struct ResumeTests {
    let flow = HelpFlows.occupiedContact

    @Test func noAnswersStartsAtTheStart() {
        let state = flow.resume([:])
        #expect(state.question?.id == "contact")
        #expect(state.trail.isEmpty)
        #expect(state.dropped.isEmpty)
        #expect(!state.isFinished)
    }

    @Test func unknownKeysAreDroppedAndTheRestIsUsed() {
        let state = flow.resume(["contact": "phone", "sms": "yes", "utm_source": "mail", "zz": "1"])
        #expect(state.outcome?.id == "change-phone")
        #expect(state.dropped == ["utm_source", "zz"])
    }

    @Test func answersToQuestionsOffThePathAreDropped() {
        // The reader first went the email way, then changed the first answer to phone.
        let state = flow.resume(["contact": "phone", "email-codes": "yes", "old-account": "no", "sms": "no"])
        #expect(state.question?.id == "other-method")
        #expect(state.steps == [FlowStep(question: "contact", option: "phone"), FlowStep(question: "sms", option: "no")])
        #expect(state.dropped == ["email-codes", "old-account"])
    }

    @Test func anInvalidOptionStopsAtItsQuestion() {
        let state = flow.resume(["contact": "phone", "sms": "maybe"])
        #expect(state.question?.id == "sms")
        #expect(state.steps == [FlowStep(question: "contact", option: "phone")])
        #expect(state.dropped == ["sms"])
    }

    @Test func answersBeyondAnInvalidOneAreDropped() {
        let state = flow.resume(["contact": "fax", "sms": "yes"])
        #expect(state.question?.id == "contact")
        #expect(state.trail.isEmpty)
        #expect(state.dropped == ["contact", "sms"])
    }

    @Test func optionIdsAreMatchedExactly() {
        let state = flow.resume(["contact": "Phone"])
        #expect(state.question?.id == "contact")
        #expect(state.dropped == ["contact"])
    }

    @Test func theTrailKeepsTheWholeQuestionAndOption() {
        let state = flow.resume(["contact": "email", "email-codes": "no"])
        #expect(state.trail.map(\.option.label) == ["An email address", "No, I can't get codes there"])
        #expect(state.trail.first?.question.prompt == "Which contact shows as occupied?")
    }

    @Test func cleanAnswersLeadBackToTheSameState() {
        let state = flow.resume(["contact": "email", "email-codes": "yes", "sms": "yes", "x": "y"])
        #expect(state.answers == ["contact": "email", "email-codes": "yes"])
        let again = flow.resume(state.answers)
        #expect(again.node == state.node)
        #expect(again.trail == state.trail)
        #expect(again.dropped.isEmpty)
    }

    @Test func aLoopInAnUnvalidatedFlowDoesNotHang() {
        let loop = Flow(id: "loop", title: "Loop", intro: "Loops.", start: "a") {
            Question("a", "A?") {
                Option("on", "On", next: "b")
                Option("off", "Off", next: "end")
            }
            Question("b", "B?") {
                Option("back", "Back", next: "a")
                Option("off", "Off", next: "end")
            }
            Outcome("end", title: "End", summary: "Ends.", guide: "g")
        }
        let state = loop.resume(["a": "on", "b": "back"])
        #expect(state.question?.id == "a")
        #expect(state.trail.count == 2)
    }
}
