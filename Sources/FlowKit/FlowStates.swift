extension Flow {
    /// How many answered states a flow may have before the generator refuses to write a static
    /// page for each: paths multiply with every question, and a flow that needs more pages
    /// than this is too long for a reader anyway.
    public static let stateLimit = 250

    /// Every state a reader can be in: the start, then each question and outcome with the
    /// answers that led to it, depth-first with options in written order. One static page each,
    /// so a reader without JavaScript sees their answers so far. Nil when there are more than
    /// `limit`, found without walking further than that.
    public func answeredStates(limit: Int = Flow.stateLimit) -> [FlowState]? {
        guard let first = node(start) else { return [] }
        var found: [FlowState] = []
        var pending = [FlowState(node: first, trail: [])]
        while let state = pending.popLast() {
            found.append(state)
            if found.count > limit { return nil }
            guard let question = state.question,
                  !state.trail.contains(where: { $0.question.id == question.id }) else { continue }
            let children = question.options.compactMap { option in
                node(option.next).map {
                    FlowState(node: $0, trail: state.trail + [FlowAnswer(question: question, option: option)])
                }
            }
            pending += children.reversed()
        }
        return found
    }

}
