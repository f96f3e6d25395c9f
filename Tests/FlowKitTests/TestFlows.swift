@_spi(Untyped) import FlowKit

/// Small flows whose every byte of output the tests can pin down.
enum TestFlows {
    static let tiny = Flow(id: "tiny", title: "Tiny flow", intro: "Two questions at most.", start: "ready") {
        Question("ready", "Are you ready?", hint: "Be honest.") {
            Option("yes", "Yes", next: "done")
            Option("no", "Not yet", next: "wait")
        }
        Question("wait", "Can you wait a minute?") {
            Option("ok", "OK", next: "done")
            Option("skip", "Skip it", next: "careful")
        }
        Outcome("done", title: "Done", summary: "You are all set.", guide: "getting-started")
        Outcome(
            "careful", title: "Read this first", summary: "Skipping has a cost.",
            guide: "getting-started", anchor: "costs", tone: .warning)
    }

    /// A minimal sound flow that the validation tests break one way at a time.
    static func sound(
        id: String = "broken", start: String = "q", title: String = "Sound",
        @FlowNodeBuilder nodes: () -> [FlowNode] = { soundNodes }
    ) -> Flow {
        Flow(id: id, title: title, intro: "For tests.", start: start, nodes: nodes())
    }

    static var soundNodes: [FlowNode] {
        [
            .question(Question("q", "Pick one?") {
                Option("a", "A", next: "x")
                Option("b", "B", next: "y")
            }),
            .outcome(x),
            .outcome(y),
        ]
    }

    static let x = Outcome("x", title: "X", summary: "Do x.", guide: "gx")
    static let y = Outcome("y", title: "Y", summary: "Do y.", guide: "gy")

    /// What the generator would answer for a site that has every guide.
    static func anyGuide(_ slug: String, _ anchor: String?) -> FlowSpec.GuideLink? {
        FlowSpec.GuideLink(url: "/guides/\(slug)/" + (anchor.map { "#\($0)" } ?? ""), title: "Guide \(slug)")
    }

    /// A site with only the "getting-started" guide and its "costs" section.
    static func gettingStartedOnly(_ slug: String, _ anchor: String?) -> FlowSpec.GuideLink? {
        guard slug == "getting-started", anchor == nil || anchor == "costs" else { return nil }
        return anyGuide(slug, anchor)
    }
}
