@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

@Suite struct MissingCodeTests {
    let flow = HelpFlows.missingCode

    /// Reviewed by hand against the guides it links to: if this list changes, a reader's
    /// answers now lead somewhere else, so review the change the same way.
    static let goldenPaths = [
        "contact=phone, signal=yes, tried-again=yes, other-method=yes → use-other-method",
        "contact=phone, signal=yes, tried-again=yes, other-method=no → ask-support",
        "contact=phone, signal=yes, tried-again=no → wait-and-resend",
        "contact=phone, signal=no → fix-phone",
        "contact=email, spam=yes, tried-again=yes, other-method=yes → use-other-method",
        "contact=email, spam=yes, tried-again=yes, other-method=no → ask-support",
        "contact=email, spam=yes, tried-again=no → wait-and-resend",
        "contact=email, spam=no → check-spam",
    ]

    @Test func pathsMatchTheReviewedList() {
        #expect(flow.paths().map(\.description) == Self.goldenPaths)
    }

    @Test func everyOutcomeIsReachedByAPath() {
        #expect(Set(flow.paths().map(\.outcome)) == Set(flow.outcomes.map(\.id)))
        #expect(flow.outcomes.count == 5)
    }

    @Test(arguments: HelpFlows.missingCode.paths())
    func pathReplaysThroughEvaluateAndResume(path: FlowPath) throws {
        let evaluated = try flow.evaluate(path.optionIDs)
        #expect(evaluated.outcome?.id == path.outcome)
        #expect(evaluated.steps == path.steps)
        let resumed = flow.resume(Dictionary(uniqueKeysWithValues: path.steps.map { ($0.question, $0.option) }))
        #expect(resumed.outcome?.id == path.outcome)
        #expect(resumed.steps == path.steps)
        #expect(resumed.dropped.isEmpty)
    }

    @Test func outcomesLinkToTheAgreedGuides() {
        #expect(flow.guideReferences.map(\.description) == [
            "fix-phone → text-code-missing#phone-checks",
            "check-spam → email-code-missing#spam",
            "wait-and-resend → code-still-missing#wait-and-resend",
            "use-other-method → code-still-missing#another-method",
            "ask-support → code-still-missing#support",
        ])
    }

    /// Going to support is where readers meet impostors, so that outcome slows them down.
    @Test func onlyAskingSupportIsAWarning() {
        #expect(flow.outcomes.filter { $0.tone == .warning }.map(\.id) == ["ask-support"])
    }

    /// The home page embeds both flows: these shared ids are what the URL namespace is for.
    @Test func itSharesQuestionIDsWithOccupiedContact() {
        let shared = Set(flow.questions.map(\.id)).intersection(HelpFlows.occupiedContact.questions.map(\.id))
        #expect(shared == ["contact", "other-method"])
    }
}
