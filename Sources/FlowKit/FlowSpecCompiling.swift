extension Flow {
    /// Compiles the flow for the page script. `resolveGuide` maps an outcome's guide slug and
    /// anchor to the link the page should use, or nil when the site has no such guide.
    public func spec(
        resolveGuide: (_ slug: String, _ anchor: String?) -> FlowSpec.GuideLink?
    ) throws(FlowSpecError) -> FlowSpec {
        do {
            _ = try validated()
        } catch {
            throw .invalidFlow(error)
        }
        let specQuestions = questions.map { question in
            FlowSpec.Question(
                id: question.id, prompt: question.prompt, hint: question.hint,
                options: question.options.map { FlowSpec.Option(id: $0.id, label: $0.label, next: $0.next) })
        }
        var specOutcomes: [FlowSpec.Outcome] = []
        for outcome in outcomes {
            guard let link = resolveGuide(outcome.guide, outcome.anchor) else {
                throw .unknownGuide(flow: id, outcome: outcome.id, guide: outcome.guide, anchor: outcome.anchor)
            }
            specOutcomes.append(FlowSpec.Outcome(
                id: outcome.id, title: outcome.title, summary: outcome.summary, tone: outcome.tone,
                guide: FlowSpec.Guide(slug: outcome.guide, anchor: outcome.anchor, url: link.url, title: link.title)))
        }
        var spec = FlowSpec(
            id: id, title: title, intro: intro, start: start, revision: "",
            questions: specQuestions, outcomes: specOutcomes)
        spec.revision = spec.computedRevision
        return spec
    }
}

/// Why a flow could not be compiled into a spec.
public enum FlowSpecError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    case invalidFlow(FlowValidationErrors)
    /// The generator has no guide (or no section) for this outcome's link.
    case unknownGuide(flow: String, outcome: String, guide: String, anchor: String?)

    public var description: String {
        switch self {
        case .invalidFlow(let errors):
            return errors.description
        case .unknownGuide(let flow, let outcome, let guide, let anchor):
            let target = "guide \"\(guide)\"" + (anchor.map { " (section \"#\($0)\")" } ?? "")
            return "Flow \"\(flow)\", outcome \"\(outcome)\": it links to \(target), which this site does not have. "
                + "Fix the guide slug\(anchor == nil ? "" : " or anchor") in the outcome, or add that guide"
                + "\(anchor == nil ? "" : " or section")."
        }
    }
}
