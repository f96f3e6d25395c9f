import FlowKit

/// Template contexts for a flow: the widget embedded in pages, and the static page of each
/// node that makes the flow work without JavaScript.
struct FlowViews {
    let compiled: CompiledFlow
    let base: BaseURL

    private var flow: Flow { compiled.flow }

    /// `flow` context of `partials/flow-widget.mustache`.
    var widget: [String: Any] {
        var context = summary
        context["specJSON"] = compiled.json
        if let start = flow.questions.first(where: { $0.id == flow.start }) {
            context["question"] = question(start)
        }
        return context
    }

    private var summary: [String: Any] {
        ["id": flow.id, "title": flow.title, "intro": flow.intro, "entryURL": compiled.entryPath.href(base)]
    }

    private func question(_ question: Question) -> [String: Any] {
        var context: [String: Any] = [
            "id": question.id,
            "prompt": question.prompt,
            "options": question.options.map { option in
                ["id": option.id, "label": option.label, "url": compiled.path(of: option.next).href(base)]
            },
        ]
        if let hint = question.hint { context["hint"] = hint }
        return context
    }

    /// Every node's static page: the question with its options as links, or the outcome.
    func stepPages() -> [(info: PageInfo, context: [String: Any])] {
        flow.nodes.map { node in
            var step: [String: Any] = ["flow": summary, "isStart": node.id == flow.start]
            let title: String
            let description: String
            let noindex: Bool
            switch node {
            case .question(let value):
                step["question"] = question(value)
                title = value.prompt
                description = flow.intro
                noindex = true
            case .outcome(let outcome):
                let guide = compiled.spec.outcomes.first { $0.id == outcome.id }?.guide
                step["outcome"] = [
                    "title": outcome.title, "summary": outcome.summary, "tone": outcome.tone.rawValue,
                    "isWarning": outcome.tone == .warning,
                    "guideURL": guide?.url ?? "", "guideTitle": guide?.title ?? "",
                ] as [String: Any]
                title = outcome.title
                description = outcome.summary
                noindex = false
            }
            let path = compiled.path(of: node.id)
            let trail: [(name: String, path: SitePath)] = node.id == flow.start
                ? [("Home", .root)] : [("Home", .root), (flow.title, compiled.entryPath)]
            let info = PageInfo(kind: .flowStep, title: title, description: description, path: path, trail: trail, noindex: noindex)
            return (info, ["flowStep": step])
        }
    }
}
