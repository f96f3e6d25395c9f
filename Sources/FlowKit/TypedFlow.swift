/// The names of one flow's nodes, written as an enum so that pointing an answer at a node
/// that does not exist is a compile error rather than a build error:
///
///     enum Node: String, FlowNodeName {
///         case contact, sms
///         case changePhone = "change-phone"
///     }
///
/// The raw value is the node's id, which the spec and the page URLs use.
public protocol FlowNodeName: RawRepresentable, Hashable, Sendable where RawValue == String {}

/// A question in a typed flow: `Ask(.contact, "Which contact?") { Answer(…) }`.
public struct Ask<Node: FlowNodeName>: Sendable {
    public let question: Question

    public init(
        _ id: Node, _ prompt: String, hint: String? = nil,
        filePath: String = #filePath, line: Int = #line,
        @AnswerBuilder<Node> answers: () -> [Answer<Node>]
    ) {
        question = Question(
            id: id.rawValue, prompt: prompt, hint: hint, options: answers().map(\.option),
            location: CodeLocation(filePath: filePath, line: line))
    }
}

/// One answer to an `Ask`; `next` names a node of the same flow.
public struct Answer<Node: FlowNodeName>: Sendable {
    public let option: Option

    public init(_ id: String, _ label: String, next: Node, filePath: String = #filePath, line: Int = #line) {
        option = Option(id, label, next: next.rawValue, location: CodeLocation(filePath: filePath, line: line))
    }
}

/// An outcome in a typed flow: where a path ends, and the guide (by slug) that explains it.
public struct Ending<Node: FlowNodeName>: Sendable {
    public let outcome: Outcome

    public init(
        _ id: Node, title: String, summary: String, guide: String, anchor: String? = nil,
        tone: Outcome.Tone = .success, filePath: String = #filePath, line: Int = #line
    ) {
        outcome = Outcome(
            id.rawValue, title: title, summary: summary, guide: guide, anchor: anchor, tone: tone,
            location: CodeLocation(filePath: filePath, line: line))
    }
}

extension Flow {
    /// A flow whose nodes are named by `Node`: the start, every `Ask`, `Answer.next` and
    /// `Ending` must be one of its cases, so a misspelt or foreign node does not compile.
    public init<Node: FlowNodeName>(
        id: String, title: String, intro: String, start: Node,
        filePath: String = #filePath, line: Int = #line,
        @TypedFlowBuilder<Node> _ content: () -> [FlowNode]
    ) {
        self.init(id: id, title: title, intro: intro, start: start.rawValue, nodes: content(),
                  location: CodeLocation(filePath: filePath, line: line))
    }
}

/// Lets a typed flow be written as `Ask` and `Ending` lines, in reading order.
@resultBuilder
public enum TypedFlowBuilder<Node: FlowNodeName> {
    public static func buildExpression(_ ask: Ask<Node>) -> [FlowNode] { [.question(ask.question)] }
    public static func buildExpression(_ ending: Ending<Node>) -> [FlowNode] { [.outcome(ending.outcome)] }
    public static func buildBlock(_ parts: [FlowNode]...) -> [FlowNode] { parts.flatMap { $0 } }
    public static func buildArray(_ parts: [[FlowNode]]) -> [FlowNode] { parts.flatMap { $0 } }
}

/// Lets an `Ask`'s answers be written one per line, in the order they are offered.
@resultBuilder
public enum AnswerBuilder<Node: FlowNodeName> {
    public static func buildExpression(_ answer: Answer<Node>) -> [Answer<Node>] { [answer] }
    public static func buildBlock(_ parts: [Answer<Node>]...) -> [Answer<Node>] { parts.flatMap { $0 } }
    public static func buildArray(_ parts: [[Answer<Node>]]) -> [Answer<Node>] { parts.flatMap { $0 } }
}
