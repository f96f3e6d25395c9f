/// A decision tree that leads a reader, through a few questions, to the one outcome that
/// applies to them. Written once in Swift; compiled to a `FlowSpec` for the page script and
/// walked directly by the command line and the tests.
public struct Flow: Sendable, Equatable, Hashable, Identifiable {
    public let id: String
    public let title: String
    /// Shown before the first question: what the checker helps with.
    public let intro: String
    /// The id of the node a reader starts at.
    public let start: String
    /// Questions and outcomes in the order they were written, which is the order of the spec
    /// and of the static pages.
    public let nodes: [FlowNode]
    /// Where the flow was written, for errors about the flow as a whole.
    public let location: CodeLocation?

    @_spi(Untyped) public init(
        id: String, title: String, intro: String, start: String, nodes: [FlowNode], location: CodeLocation?
    ) {
        self.id = id
        self.title = title
        self.intro = intro
        self.start = start
        self.nodes = nodes
        self.location = location
    }

    @_spi(Untyped) public init(
        id: String, title: String, intro: String, start: String, nodes: [FlowNode],
        filePath: String = #filePath, line: Int = #line
    ) {
        self.init(id: id, title: title, intro: intro, start: start, nodes: nodes,
                  location: CodeLocation(filePath: filePath, line: line))
    }

    @_spi(Untyped) public init(
        id: String, title: String, intro: String, start: String,
        filePath: String = #filePath, line: Int = #line,
        @FlowNodeBuilder _ content: () -> [FlowNode]
    ) {
        self.init(id: id, title: title, intro: intro, start: start, nodes: content(),
                  location: CodeLocation(filePath: filePath, line: line))
    }

    public var questions: [Question] { nodes.compactMap(\.question) }
    public var outcomes: [Outcome] { nodes.compactMap(\.outcome) }

    /// The first node with this id. Validation rejects duplicates, so "first" only matters
    /// for flows that have not been validated.
    public func node(_ id: String) -> FlowNode? {
        nodes.first { $0.id == id }
    }
}

/// One step of a flow: something to ask, or somewhere to end.
public enum FlowNode: Sendable, Equatable, Hashable {
    case question(Question)
    case outcome(Outcome)

    public var id: String {
        switch self {
        case .question(let question): question.id
        case .outcome(let outcome): outcome.id
        }
    }

    public var question: Question? {
        if case .question(let question) = self { question } else { nil }
    }

    public var outcome: Outcome? {
        if case .outcome(let outcome) = self { outcome } else { nil }
    }

    public var location: CodeLocation? {
        switch self {
        case .question(let question): question.location
        case .outcome(let outcome): outcome.location
        }
    }
}
