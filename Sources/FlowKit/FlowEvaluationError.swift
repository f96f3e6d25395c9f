/// Why a list of answers does not walk a flow, said to the person who typed them.
public enum FlowEvaluationError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Answer number `position` (counting from 1) is not an option of the question it answers.
    case notAnOption(flow: String, question: String, position: Int, given: String, valid: [String])
    /// The first `used` answers already reach an outcome; `extra` are the rest.
    case answersAfterOutcome(flow: String, outcome: String, used: Int, extra: [String])
    /// The flow itself is broken: `node` does not exist. `from` is the answer that leads there,
    /// nil when it is the start.
    case missingNode(flow: String, node: String, from: FlowStep?)

    public var description: String {
        switch self {
        case .notAnOption(let flow, let question, let position, let given, let valid):
            return "Flow \"\(flow)\", question \"\(question)\": answer \(position) is \"\(given)\", "
                + "which is not one of its options. Use one of: \(valid.joined(separator: ", "))."
        case .answersAfterOutcome(let flow, let outcome, let used, let extra):
            return "Flow \"\(flow)\": the first \(used) answer\(used == 1 ? "" : "s") already reach "
                + "outcome \"\(outcome)\". Remove the rest: \(extra.joined(separator: ", "))."
        case .missingNode(let flow, let node, let from):
            let via = from.map { "option \"\($0.option)\" of question \"\($0.question)\" leads to" }
                ?? "the start is"
            return "Flow \"\(flow)\": \(via) \"\(node)\", which is not a node of this flow. "
                + "Fix the flow; its validation errors say where."
        }
    }
}
