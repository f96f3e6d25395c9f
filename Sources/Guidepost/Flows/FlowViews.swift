import FlowKit

/// Template contexts for a flow: the widget embedded in pages, and the static page of each
/// answered state, which shows the answers so far (each with a Change link) as GOV.UK Smart
/// Answers do without JavaScript.
struct FlowViews {
    let compiled: CompiledFlow
    let base: BaseURL

    private var flow: Flow { compiled.flow }

    /// `flow` context of `partials/flow-widget.mustache`.
    var widget: [String: Any] {
        var context = summary
        context["specJSON"] = compiled.json
        if let start = flow.questions.first(where: { $0.id == flow.start }) {
            context["question"] = question(start, after: [])
        }
        return context
    }

    private var summary: [String: Any] {
        ["id": flow.id, "title": flow.title, "intro": flow.intro, "entryURL": compiled.entryPath.href(base)]
    }

    private func question(_ question: Question, after trail: [FlowAnswer]) -> [String: Any] {
        var context: [String: Any] = [
            "id": question.id,
            "prompt": question.prompt,
            "options": question.options.map { option in
                let next = trail + [FlowAnswer(question: question, option: option)]
                return ["id": option.id, "label": option.label, "url": compiled.path(after: next).href(base)]
            },
        ]
        if let hint = question.hint { context["hint"] = hint }
        return context
    }

    /// The answers that led to a state, each with a link back to the page that asked it.
    private func answers(_ trail: [FlowAnswer]) -> [[String: Any]] {
        trail.indices.map { index in
            let answer = trail[index]
            return ["prompt": answer.question.prompt, "label": answer.option.label,
                    "changeURL": compiled.path(after: Array(trail[..<index])).href(base)]
        }
    }

    private func outcome(_ outcome: Outcome) -> [String: Any] {
        let guide = compiled.spec.outcomes.first { $0.id == outcome.id }?.guide
        return [
            "title": outcome.title, "summary": outcome.summary, "tone": outcome.tone.rawValue,
            "isWarning": outcome.tone == .warning,
            "guideURL": guide?.url ?? "", "guideTitle": guide?.title ?? "",
        ]
    }

    var pageCount: Int { compiled.states.count }

    /// The static page of `compiled.states[index]`.
    func stepPage(_ index: Int) -> (info: PageInfo, context: [String: Any]) {
        let state = compiled.states[index]
        let isStart = state.trail.isEmpty
        var step: [String: Any] = [
            "flow": summary, "isStart": isStart, "answers": answers(state.trail), "hasAnswers": !isStart,
        ]
        let title: String
        let description: String
        var noindex = true
        switch state.node {
        case .question(let value):
            step["question"] = question(value, after: state.trail)
            title = value.prompt
            description = flow.intro
        case .outcome(let value):
            step["outcome"] = outcome(value)
            title = value.title
            description = value.summary
            // Several paths can end at one outcome; the shortest (the first of those) is the
            // page for search engines.
            let shortest = compiled.states.indices
                .filter { compiled.states[$0].outcome?.id == value.id }
                .min { compiled.states[$0].trail.count < compiled.states[$1].trail.count }
            noindex = shortest != index
        }
        let trail: [(name: String, path: SitePath)] = isStart
            ? [("Home", .root)] : [("Home", .root), (flow.title, compiled.entryPath)]
        let info = PageInfo(kind: .flowStep, title: title, description: description,
                            path: compiled.path(after: state.trail), trail: trail, noindex: noindex)
        return (info, ["flowStep": step])
    }
}
