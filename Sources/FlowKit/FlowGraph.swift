/// The flow as a directed graph of node ids, for the checks that follow the answers around.
/// Duplicate ids collapse to their first node, as `Flow.node(_:)` does.
struct FlowGraph {
    /// Node ids in written order, each once.
    let order: [String]
    /// Node id to the ids its options lead to, in option order, only those that exist.
    let index: [String: [String]]

    init(_ flow: Flow) {
        var order: [String] = []
        var index: [String: [String]] = [:]
        for node in flow.nodes where index[node.id] == nil {
            order.append(node.id)
            index[node.id] = node.question?.options.map(\.next) ?? []
        }
        self.order = order
        self.index = index.mapValues { targets in targets.filter { index[$0] != nil } }
    }

    func reachable(from start: String) -> Set<String> {
        var seen: Set<String> = [start]
        var pending = [start]
        while let id = pending.popLast() {
            for next in index[id] ?? [] where seen.insert(next).inserted {
                pending.append(next)
            }
        }
        return seen
    }

    /// Each loop once, found depth-first from the start and then from every node in written
    /// order, so loops among unreachable nodes are reported too.
    func cycles(firstFrom start: String) -> [[String]] {
        var search = CycleSearch(graph: self)
        for root in [start] + order where index[root] != nil {
            search.visit(root)
        }
        return search.cycles
    }
}

private struct CycleSearch {
    let graph: FlowGraph
    var finished: Set<String> = []
    var path: [String] = []
    var cycles: [[String]] = []
    var reportedLoops: Set<Set<String>> = []

    init(graph: FlowGraph) { self.graph = graph }

    mutating func visit(_ id: String) {
        guard !finished.contains(id) else { return }
        if let loopStart = path.firstIndex(of: id) {
            let loop = Array(path[loopStart...])
            if reportedLoops.insert(Set(loop)).inserted { cycles.append(loop) }
            return
        }
        path.append(id)
        for next in graph.index[id] ?? [] { visit(next) }
        path.removeLast()
        finished.insert(id)
    }
}
