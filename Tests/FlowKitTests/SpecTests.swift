import Foundation
import GuidepostSupport
@_spi(Untyped) @testable import FlowKit
import HelpFlows
import Testing

@Suite struct SpecTests {
    /// Reviewed by hand: keys sorted, hint and anchor present only where given, tone spelled
    /// out, guide links from the resolver. A change here changes what every page script reads.
    static let tinyJSON = #"{"id":"tiny","intro":"Two questions at most.","outcomes":[{"guide":{"slug":"getting-started","title":"Guide getting-started","url":"/guides/getting-started/"},"id":"done","summary":"You are all set.","title":"Done","tone":"success"},{"guide":{"anchor":"costs","slug":"getting-started","title":"Guide getting-started","url":"/guides/getting-started/#costs"},"id":"careful","summary":"Skipping has a cost.","title":"Read this first","tone":"warning"}],"questions":[{"hint":"Be honest.","id":"ready","options":[{"id":"yes","label":"Yes","next":"done"},{"id":"no","label":"Not yet","next":"wait"}],"prompt":"Are you ready?"},{"id":"wait","options":[{"id":"ok","label":"OK","next":"done"},{"id":"skip","label":"Skip it","next":"careful"}],"prompt":"Can you wait a minute?"}],"revision":"fnv1a64-9b4aa2e752690c14","specVersion":1,"start":"ready","title":"Tiny flow"}"#

    @Test func tinySpecMatchesTheGoldenJSON() throws {
        let spec = try TestFlows.tiny.spec(resolveGuide: TestFlows.anyGuide)
        #expect(spec.json() == Self.tinyJSON)
    }

    @Test func theSpecKeepsNodeOrderAsWritten() throws {
        let spec = try HelpFlows.occupiedContact.spec(resolveGuide: TestFlows.anyGuide)
        #expect(spec.questions.map(\.id) == ["contact", "sms", "other-method", "email-codes", "old-account"])
        #expect(spec.outcomes.map(\.id) == [
            "change-phone", "reset-phone", "support-phone", "email-no-access", "move-assets-first", "migrate-email",
        ])
        #expect(spec.outcomes.map(\.guide.url).last == "/guides/email-migration/")
        #expect(spec.outcomes[2].guide.url == "/guides/phone-no-longer-reachable/#no-other-method")
    }

    @Test func jsonIsTheSameForEqualFlowsOnEveryRun() throws {
        let jsons = try (0..<5).map { _ in
            try HelpFlows.occupiedContact.spec(resolveGuide: TestFlows.anyGuide).json()
        }
        #expect(Set(jsons).count == 1)
        let pretty = try HelpFlows.occupiedContact.spec(resolveGuide: TestFlows.anyGuide).json(prettyPrinted: true)
        #expect(!pretty.split(separator: "\n").contains { $0.hasSuffix(" ") || $0.hasSuffix("\t") })
    }

    @Test func jsonRoundTripsThroughDecoding() throws {
        for flow in HelpFlows.all + [TestFlows.tiny] {
            let spec = try flow.spec(resolveGuide: TestFlows.anyGuide)
            for json in [spec.json(), spec.json(prettyPrinted: true)] {
                #expect(try JSONDecoder().decode(FlowSpec.self, from: Data(json.utf8)) == spec)
            }
        }
    }

    @Test func markupAndLineSeparatorsAreEscapedForScriptElements() throws {
        let title = "Stop </script><!-- & \u{2028}here\u{2029}"
        let flow = TestFlows.sound(title: title)
        let json = try flow.spec(resolveGuide: TestFlows.anyGuide).json()
        for raw in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            #expect(!json.contains(raw), "raw \(raw.unicodeScalars.first!.escaped(asASCII: true)) in \(json)")
        }
        #expect(json.contains(#""title":"Stop \u003c/script\u003e\u003c!-- \u0026 \u2028here\u2029""#))
        let decoded = try JSONDecoder().decode(FlowSpec.self, from: Data(json.utf8))
        #expect(decoded.title == title)
    }

    @Test func revisionChangesWhenALabelChanges() throws {
        let before = try TestFlows.sound().spec(resolveGuide: TestFlows.anyGuide)
        let relabelled = TestFlows.sound {
            Question("q", "Pick one?") {
                Option("a", "A, changed", next: "x")
                Option("b", "B", next: "y")
            }
            TestFlows.x
            TestFlows.y
        }
        let after = try relabelled.spec(resolveGuide: TestFlows.anyGuide)
        #expect(before.revision != after.revision)
        #expect(try TestFlows.sound().spec(resolveGuide: TestFlows.anyGuide).revision == before.revision)
    }

    @Test func revisionChangesWhenAGuideURLChanges() throws {
        let here = try TestFlows.tiny.spec(resolveGuide: TestFlows.anyGuide)
        let moved = try TestFlows.tiny.spec { slug, anchor in
            FlowSpec.GuideLink(url: "/help/\(slug)/" + (anchor.map { "#\($0)" } ?? ""), title: "Guide \(slug)")
        }
        #expect(here.revision != moved.revision)
    }

    @Test func revisionIsFNV1aOfTheJSONWithoutTheRevision() throws {
        let spec = try TestFlows.tiny.spec(resolveGuide: TestFlows.anyGuide)
        let field = #""revision":"\#(spec.revision)","#
        let json = spec.json()
        #expect(json.contains(field))
        let without = json.replacingOccurrences(of: field, with: "")
        let hash = String(FNV1a.hash(without.utf8), radix: 16)
        #expect(spec.revision == "fnv1a64-" + String(repeating: "0", count: 16 - hash.count) + hash)
        #expect(spec.revision == spec.computedRevision)
    }

    @Test func anUnknownGuideNamesTheFlowOutcomeAndSlug() throws {
        let error = #expect(throws: FlowSpecError.self) {
            try TestFlows.tiny.spec { _, _ in nil }
        }
        #expect(error == .unknownGuide(flow: "tiny", outcome: "done", guide: "getting-started", anchor: nil))
        let message = try #require(error).description
        #expect(message.contains("\"tiny\""))
        #expect(message.contains("\"done\""))
        #expect(message.contains("\"getting-started\""))
    }

    @Test func anUnknownAnchorIsReportedWithIt() {
        #expect(throws: FlowSpecError.unknownGuide(flow: "tiny", outcome: "careful", guide: "getting-started", anchor: "costs")) {
            try TestFlows.tiny.spec { slug, anchor in anchor == nil ? TestFlows.anyGuide(slug, anchor) : nil }
        }
        #expect(throws: Never.self) { try TestFlows.tiny.spec(resolveGuide: TestFlows.gettingStartedOnly) }
    }

    @Test func anInvalidFlowIsNotCompiled() {
        let broken = TestFlows.sound(start: "nowhere")
        #expect(throws: FlowSpecError.invalidFlow(FlowValidationErrors(flow: "broken", errors: broken.validate()))) {
            try broken.spec(resolveGuide: TestFlows.anyGuide)
        }
    }
}
