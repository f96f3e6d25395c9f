extension Flow {
    /// Walks from the start using whatever answers are given, as a URL supplies them: each
    /// question takes `answers[question.id]` if that is one of its options, and the walk stops
    /// at the first question without a usable answer. Never fails on bad input, so an old or
    /// hand-edited link still lands somewhere sensible.
    ///
    /// Meant for validated flows. On a flow with a broken link the walk stops at the question
    /// whose option leads nowhere; a flow whose start does not exist cannot be walked at all.
    public func resume(_ answers: [String: String]) -> FlowState {
        guard var current = node(start) else {
            preconditionFailure("Flow \"\(id)\" has no start node \"\(start)\"; call validated() before walking it.")
        }
        var trail: [FlowAnswer] = []
        while case .question(let question) = current,
              !trail.contains(where: { $0.question.id == question.id }),
              let chosen = answers[question.id],
              let option = question.option(chosen),
              let next = node(option.next) {
            trail.append(FlowAnswer(question: question, option: option))
            current = next
        }
        let used = Set(trail.map(\.question.id))
        let dropped = answers.keys.filter { !used.contains($0) }.sorted()
        return FlowState(node: current, trail: trail, dropped: dropped)
    }

    /// Walks from the start taking each option id as the answer to the next question, as the
    /// command line's `--answers a,b` gives them. Unlike `resume`, anything that does not fit
    /// is an error, because a person typed it and should hear what went wrong.
    public func evaluate(_ optionIDs: [String]) throws(FlowEvaluationError) -> FlowState {
        guard var current = node(start) else {
            throw .missingNode(flow: id, node: start, from: nil)
        }
        var trail: [FlowAnswer] = []
        for (position, optionID) in optionIDs.enumerated() {
            switch current {
            case .outcome(let outcome):
                throw .answersAfterOutcome(
                    flow: id, outcome: outcome.id, used: position, extra: Array(optionIDs[position...]))
            case .question(let question):
                guard let option = question.option(optionID) else {
                    throw .notAnOption(
                        flow: id, question: question.id, position: position + 1,
                        given: optionID, valid: question.options.map(\.id))
                }
                guard let next = node(option.next) else {
                    throw .missingNode(flow: id, node: option.next, from: FlowStep(question: question.id, option: option.id))
                }
                trail.append(FlowAnswer(question: question, option: option))
                current = next
            }
        }
        return FlowState(node: current, trail: trail)
    }

    /// Every way from the start to an outcome, depth-first with options in written order, so
    /// the list is the same on every run. Loops and broken links are skipped (validation
    /// reports them).
    public func paths() -> [FlowPath] {
        guard let first = node(start) else { return [] }
        var found: [FlowPath] = []
        collectPaths(from: first, steps: [], into: &found)
        return found
    }

    private func collectPaths(from current: FlowNode, steps: [FlowStep], into found: inout [FlowPath]) {
        switch current {
        case .outcome(let outcome):
            found.append(FlowPath(steps: steps, outcome: outcome.id))
        case .question(let question):
            guard !steps.contains(where: { $0.question == question.id }) else { return }
            for option in question.options {
                guard let next = node(option.next) else { continue }
                collectPaths(
                    from: next, steps: steps + [FlowStep(question: question.id, option: option.id)], into: &found)
            }
        }
    }
}
