extension Flow {
    /// Every problem with the flow, in a stable order: naming and text first, then the shape of
    /// the graph. Empty when the flow is sound.
    public func validate() -> [FlowValidationError] {
        var problems: [FlowValidationError.Problem] = []
        problems += namingAndTextProblems()
        problems += duplicateNodeProblems()
        problems += graphProblems()
        return problems.map { FlowValidationError(flow: id, problem: $0, location: location(of: $0)) }
    }

    /// The flow itself, when it is sound; otherwise all its problems at once.
    public func validated() throws(FlowValidationErrors) -> Flow {
        let errors = validate()
        guard errors.isEmpty else { throw FlowValidationErrors(flow: id, errors: errors) }
        return self
    }

    /// The guides the outcomes link to. FlowKit cannot tell whether a guide exists; the
    /// generator checks these against the guides it loaded.
    public var guideReferences: [GuideReference] {
        outcomes.map { GuideReference(outcome: $0.id, guide: $0.guide, anchor: $0.anchor) }
    }

    private func namingAndTextProblems() -> [FlowValidationError.Problem] {
        var problems: [FlowValidationError.Problem] = []
        if !FlowID.isValid(id) { problems.append(.invalidID(kind: .flow, id: id, node: nil)) }
        if FlowText.isBlank(title) { problems.append(.emptyText(field: .flowTitle, node: nil, option: nil)) }
        if FlowText.isBlank(intro) { problems.append(.emptyText(field: .flowIntro, node: nil, option: nil)) }
        for node in nodes {
            if !FlowID.isValid(node.id) { problems.append(.invalidID(kind: .node, id: node.id, node: nil)) }
            switch node {
            case .question(let question): problems += Self.problems(in: question)
            case .outcome(let outcome): problems += Self.problems(in: outcome)
            }
        }
        return problems
    }

    private static func problems(in question: Question) -> [FlowValidationError.Problem] {
        var problems: [FlowValidationError.Problem] = []
        let node = question.id
        if FlowText.isBlank(question.prompt) { problems.append(.emptyText(field: .prompt, node: node, option: nil)) }
        if let hint = question.hint, FlowText.isBlank(hint) {
            problems.append(.emptyText(field: .hint, node: node, option: nil))
        }
        if question.options.count < 2 { problems.append(.tooFewOptions(question: node, count: question.options.count)) }
        var seen: Set<String> = []
        for option in question.options {
            if !FlowID.isValid(option.id) { problems.append(.invalidID(kind: .option, id: option.id, node: node)) }
            if FlowText.isBlank(option.label) {
                problems.append(.emptyText(field: .label, node: node, option: option.id))
            }
            // Report a repeated id once, however often it repeats.
            if !seen.insert(option.id).inserted,
               !problems.contains(.duplicateOption(question: node, option: option.id)) {
                problems.append(.duplicateOption(question: node, option: option.id))
            }
        }
        return problems
    }

    private static func problems(in outcome: Outcome) -> [FlowValidationError.Problem] {
        var problems: [FlowValidationError.Problem] = []
        let node = outcome.id
        if FlowText.isBlank(outcome.title) { problems.append(.emptyText(field: .title, node: node, option: nil)) }
        if FlowText.isBlank(outcome.summary) { problems.append(.emptyText(field: .summary, node: node, option: nil)) }
        if FlowText.isBlank(outcome.guide) { problems.append(.emptyText(field: .guide, node: node, option: nil)) }
        if let anchor = outcome.anchor, FlowText.isBlank(anchor) {
            problems.append(.emptyText(field: .anchor, node: node, option: nil))
        }
        return problems
    }

    private func duplicateNodeProblems() -> [FlowValidationError.Problem] {
        var counts: [String: Int] = [:]
        for node in nodes { counts[node.id, default: 0] += 1 }
        var reported: Set<String> = []
        return nodes.compactMap { node in
            guard let count = counts[node.id], count > 1, reported.insert(node.id).inserted else { return nil }
            return .duplicateNode(id: node.id, count: count)
        }
    }

    private func graphProblems() -> [FlowValidationError.Problem] {
        var problems: [FlowValidationError.Problem] = []
        let graph = FlowGraph(self)
        if graph.index[start] == nil {
            problems.append(.unknownStart(start: start, nodes: graph.order))
        }
        for question in questions {
            for option in question.options where graph.index[option.next] == nil {
                problems.append(.missingTarget(question: question.id, option: option.id, target: option.next))
            }
        }
        // Without a start every node would count as unreachable, which buries the one real mistake.
        if graph.index[start] != nil {
            let reachable = graph.reachable(from: start)
            problems += graph.order.filter { !reachable.contains($0) }.map { .unreachable(node: $0) }
        }
        problems += graph.cycles(firstFrom: start).map { .cycle(nodes: $0) }
        return problems
    }
}

/// The naming rule for flow, node and option ids: they appear in URLs and in the spec.
enum FlowID {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

enum FlowText {
    static func isBlank(_ text: String) -> Bool {
        text.allSatisfy(\.isWhitespace)
    }
}
