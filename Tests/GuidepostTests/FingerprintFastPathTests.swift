import Foundation
import Testing
@testable import Guidepost

/// The template objects' typed fingerprints against the generic walk they stand in for: a
/// field left out of a fast path would let an incremental build keep a stale page.
@Suite struct FingerprintFastPathTests {
    static func both(_ value: TemplateValue, known: [ObjectIdentifier: UInt64] = [:]) -> (fast: UInt64, generic: UInt64) {
        var fast = Fingerprint(), generic = Fingerprint()
        value.fields.fingerprint(into: &fast, known: known)
        value.fields.genericFingerprint(into: &generic, known: known)
        return (fast.value, generic.value)
    }

    @Test func everyPageOfTheFixtureSiteHashesAsTheGenericWalkDoes() throws {
        let options = BuildOptions(content: GoldenSiteTests.fixture("site").path, templates: repositoryRoot.appendingPathComponent("templates").path)
        let site = try BuildPipeline(options: options).plan()
        var kinds = 0
        for job in site.jobs {
            let draft = site.renderer.draft(job)
            guard case .template(_, let context) = draft.content else { continue }
            kinds += 1
            for known in [[:], site.renderer.context.known] {
                let (fast, generic) = Self.both(context, known: known)
                #expect(fast == generic, "\(job.path.outputFile)")
            }
        }
        #expect(kinds >= 10)
    }

    @Test func eachObjectWithItsOptionalFieldsSetOrNot() {
        let summary = TemplateValue(GuideSummaryValues(title: "T", url: "/t/", summary: ""))
        let values: [TemplateValue] = [
            summary,
            TemplateValue(GuideSummaryValues(title: "", url: "", summary: "")),
            TemplateValue(LinkValues(name: "A", url: "/a/")),
            TemplateValue(LinkValues(name: "A", url: "/a/", flagKey: "isCurrent", flag: true)),
            TemplateValue(LinkValues(name: "", url: "", flagKey: "isLast", flag: false)),
            TemplateValue(TOCEntryValues(id: "x", text: "X", level: 3)),
            TemplateValue(TOCEntryValues(id: "", text: "", level: 2)),
            TemplateValue(NavValues(categories: [LinkValues(name: "A", url: "/a/")])),
            TemplateValue(NavValues(categories: [])),
            TemplateValue(PageFieldValues(title: "T", documentTitle: "", description: "D", url: "/", canonical: "https://x/",
                                          kind: .guide, noindex: true, hasFlow: false)),
            TemplateValue(GuideValues(title: "T", summary: "", lead: "L", contentHTML: TemplateText("<p>x</p>", print: 7), flowHTML: nil,
                                      toc: [TOCEntryValues(id: "a", text: "A", level: 2)], tags: ["a", "b"], related: [summary],
                                      category: LinkValues(name: "C", url: "/c/"), previous: nil, next: summary, hasPager: true)),
            TemplateValue(GuideValues(title: "", summary: "S", lead: "", contentHTML: TemplateText(""), flowHTML: "<div></div>",
                                      toc: [], tags: [], related: [], category: nil, previous: summary, next: nil, hasPager: nil)),
            TemplateValue(PageValues(site: summary, page: PageFieldValues(title: "", documentTitle: "", description: "", url: "", canonical: "",
                                                                           kind: .home, noindex: false, hasFlow: true),
                                     assets: summary, nav: summary, breadcrumbs: nil, jsonLD: nil, specific: ["z": 1, "a": "x", "m": summary])),
            TemplateValue(PageValues(site: summary, page: PageFieldValues(title: "", documentTitle: "", description: "", url: "", canonical: "",
                                                                           kind: .faq, noindex: false, hasFlow: false),
                                     assets: summary, nav: summary, breadcrumbs: [summary], jsonLD: "{}", specific: [:])),
        ]
        for value in values {
            let (fast, generic) = Self.both(value)
            #expect(fast == generic, "\(value.fields)")
        }
    }
}
