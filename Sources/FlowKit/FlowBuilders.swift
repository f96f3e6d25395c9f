/// Lets a flow be written as a list of questions and outcomes, in reading order.
@resultBuilder
public enum FlowNodeBuilder {
    public static func buildExpression(_ question: Question) -> [FlowNode] { [.question(question)] }
    public static func buildExpression(_ outcome: Outcome) -> [FlowNode] { [.outcome(outcome)] }
    public static func buildExpression(_ node: FlowNode) -> [FlowNode] { [node] }
    public static func buildExpression(_ nodes: [FlowNode]) -> [FlowNode] { nodes }
    public static func buildBlock(_ parts: [FlowNode]...) -> [FlowNode] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [FlowNode]?) -> [FlowNode] { part ?? [] }
    public static func buildEither(first part: [FlowNode]) -> [FlowNode] { part }
    public static func buildEither(second part: [FlowNode]) -> [FlowNode] { part }
    public static func buildArray(_ parts: [[FlowNode]]) -> [FlowNode] { parts.flatMap { $0 } }
}

/// Lets a question's options be written one per line, in the order they are offered.
@resultBuilder
public enum OptionBuilder {
    public static func buildExpression(_ option: Option) -> [Option] { [option] }
    public static func buildExpression(_ options: [Option]) -> [Option] { options }
    public static func buildBlock(_ parts: [Option]...) -> [Option] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Option]?) -> [Option] { part ?? [] }
    public static func buildEither(first part: [Option]) -> [Option] { part }
    public static func buildEither(second part: [Option]) -> [Option] { part }
    public static func buildArray(_ parts: [[Option]]) -> [Option] { parts.flatMap { $0 } }
}
