import FlowKit

/// A flow used by the site, compiled once: its spec, and the static page of every answered
/// state, which is how the flow works without JavaScript.
struct CompiledFlow: Sendable {
    var flow: Flow
    var spec: FlowSpec
    /// The spec as it is embedded in pages and published beside them.
    var json: String
    /// One static page each, in `Flow.answeredStates()` order.
    var states: [FlowState]

    init(flow: Flow, spec: FlowSpec) throws(BuildErrors) {
        guard let states = flow.answeredStates() else {
            throw BuildErrors([FlowErrors.error(
                at: flow.location,
                "Flow \"\(flow.id)\" has more than \(Flow.stateLimit) answered paths, and each needs a static page "
                    + "so the flow works without JavaScript",
                hint: "shorten it: split it into two flows, or let options of different questions lead to the same "
                    + "outcome sooner. See docs/writing-flows.md#how-big-a-flow-can-be.")])
        }
        self.flow = flow
        self.spec = spec
        self.json = spec.json()
        self.states = states
    }

    /// `/flows/<id>/` shows the first question; each answer adds its option id to the path,
    /// so `/flows/<id>/phone/no/` is the state after answering "phone", then "no".
    var entryPath: SitePath { SitePath(["flows", flow.id], directory: true) }
    var specPath: SitePath { SitePath(["flows", flow.id, "spec.json"], directory: false) }

    func path(after trail: [FlowAnswer]) -> SitePath {
        trail.isEmpty ? entryPath : SitePath(["flows", flow.id] + trail.map(\.option.id), directory: true)
    }
}
