@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

@Suite struct OccupiedContactTests {
    let flow = HelpFlows.occupiedContact

    /// Reviewed by hand against the source article: if this list changes, a reader's answers
    /// now lead somewhere else, so review the change the same way.
    static let goldenPaths = [
        "contact=phone, sms=yes → change-phone",
        "contact=phone, sms=no, other-method=yes → reset-phone",
        "contact=phone, sms=no, other-method=no → support-phone",
        "contact=email, email-codes=yes, old-account=yes → move-assets-first",
        "contact=email, email-codes=yes, old-account=unsure → move-assets-first",
        "contact=email, email-codes=yes, old-account=no → migrate-email",
        "contact=email, email-codes=no → email-no-access",
    ]

    @Test func pathsMatchTheReviewedList() {
        #expect(flow.paths().map(\.description) == Self.goldenPaths)
    }

    @Test func pathsAreStructuredAsDescribed() {
        let first = flow.paths().first
        #expect(first?.steps == [FlowStep(question: "contact", option: "phone"), FlowStep(question: "sms", option: "yes")])
        #expect(first?.outcome == "change-phone")
        #expect(first?.optionIDs == ["phone", "yes"])
    }

    @Test func everyOutcomeIsReachedByAPath() {
        #expect(Set(flow.paths().map(\.outcome)) == Set(flow.outcomes.map(\.id)))
    }

    @Test(arguments: HelpFlows.occupiedContact.paths())
    func pathReplaysThroughEvaluateAndResume(path: FlowPath) throws {
        let evaluated = try flow.evaluate(path.optionIDs)
        #expect(evaluated.outcome?.id == path.outcome)
        #expect(evaluated.steps == path.steps)

        let answers = Dictionary(uniqueKeysWithValues: path.steps.map { ($0.question, $0.option) })
        let resumed = flow.resume(answers)
        #expect(resumed.outcome?.id == path.outcome)
        #expect(resumed.steps == path.steps)
        #expect(resumed.dropped.isEmpty)
    }

    @Test func outcomesLinkToTheAgreedGuides() {
        #expect(flow.guideReferences == [
            GuideReference(outcome: "change-phone", guide: "phone-still-reachable"),
            GuideReference(outcome: "reset-phone", guide: "phone-no-longer-reachable"),
            GuideReference(outcome: "support-phone", guide: "phone-no-longer-reachable", anchor: "no-other-method"),
            GuideReference(outcome: "email-no-access", guide: "email-migration", anchor: "no-access"),
            GuideReference(outcome: "move-assets-first", guide: "email-migration", anchor: "before-you-migrate"),
            GuideReference(outcome: "migrate-email", guide: "email-migration"),
        ])
    }

    @Test func onlyLosingAssetsIsAWarning() {
        #expect(flow.outcomes.filter { $0.tone == .warning }.map(\.id) == ["move-assets-first"])
    }

    @Test func catalogFlowsAreValidAndFoundById() {
        for flow in HelpFlows.all {
            #expect(flow.validate() == [], "\(flow.id)")
            #expect(HelpFlows.flow(id: flow.id) == flow)
        }
        #expect(Set(HelpFlows.all.map(\.id)).count == HelpFlows.all.count)
        #expect(HelpFlows.flow(id: "occupied-contact") == HelpFlows.occupiedContact)
        #expect(HelpFlows.flow(id: "no-such-flow") == nil)
    }

    @Test func summariesStayShortAndPlain() {
        for outcome in HelpFlows.all.flatMap(\.outcomes) {
            let sentences = outcome.summary.split(separator: ". ").count
            #expect((1...3).contains(sentences), "\(outcome.id) has \(sentences) sentences")
            #expect(!outcome.summary.contains("<"), "\(outcome.id) summary is plain text")
        }
    }
}
