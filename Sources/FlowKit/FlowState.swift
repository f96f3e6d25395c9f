/// Where a reader is in a flow: the node in front of them and the answers that led there.
public struct FlowState: Sendable, Equatable, Hashable {
    /// The question to answer next, or the outcome reached.
    public let node: FlowNode
    /// The answers taken, from the start to `node`.
    public let trail: [FlowAnswer]
    /// Keys of the given answers that played no part, sorted: unknown question ids, option ids
    /// a question does not have, and answers to questions off the path.
    public let dropped: [String]

    public init(node: FlowNode, trail: [FlowAnswer], dropped: [String] = []) {
        self.node = node
        self.trail = trail
        self.dropped = dropped
    }

    public var question: Question? { node.question }
    public var outcome: Outcome? { node.outcome }
    public var isFinished: Bool { outcome != nil }
    public var steps: [FlowStep] { trail.map(\.step) }

    /// The answers that lead back to this state, for a clean URL after dropping stale ones.
    public var answers: [String: String] {
        Dictionary(uniqueKeysWithValues: trail.map { ($0.question.id, $0.option.id) })
    }
}

/// A question on the trail and the option chosen for it, kept whole so a page can show
/// "you answered …" without looking them up again.
public struct FlowAnswer: Sendable, Equatable, Hashable {
    public let question: Question
    public let option: Option

    public init(question: Question, option: Option) {
        self.question = question
        self.option = option
    }

    public var step: FlowStep { FlowStep(question: question.id, option: option.id) }
}

/// A question id and the option id chosen for it.
public struct FlowStep: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let question: String
    public let option: String

    public init(question: String, option: String) {
        self.question = question
        self.option = option
    }

    public var description: String { "\(question)=\(option)" }
}

/// One way through a flow, from the start to an outcome.
public struct FlowPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let steps: [FlowStep]
    public let outcome: String

    public init(steps: [FlowStep], outcome: String) {
        self.steps = steps
        self.outcome = outcome
    }

    /// The option ids in order, as the command line's `--answers` takes them.
    public var optionIDs: [String] { steps.map(\.option) }

    /// Reads as `contact=phone, sms=yes → change-phone`.
    public var description: String {
        steps.map(\.description).joined(separator: ", ") + " → " + outcome
    }
}
