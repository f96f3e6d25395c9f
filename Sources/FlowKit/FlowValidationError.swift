/// One thing wrong with a flow, described for the person who must fix the flow's source.
public struct FlowValidationError: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// What kind of id broke the naming rule; the advice is the same, the place to look is not.
    public enum IDKind: String, Sendable, Equatable, Hashable {
        case flow, node, option
    }

    /// Which piece of text is empty, so the message can say what to write.
    public enum TextField: Sendable, Equatable, Hashable {
        case flowTitle, flowIntro
        case prompt, hint, label, title, summary, guide, anchor
    }

    public enum Problem: Sendable, Equatable, Hashable {
        case unknownStart(start: String, nodes: [String])
        case duplicateNode(id: String, count: Int)
        case duplicateOption(question: String, option: String)
        case missingTarget(question: String, option: String, target: String)
        case unreachable(node: String)
        /// The nodes of the loop, in the order a reader would go round it.
        case cycle(nodes: [String])
        case tooFewOptions(question: String, count: Int)
        /// `node` is the node holding an option id; nil for flow and node ids.
        case invalidID(kind: IDKind, id: String, node: String?)
        /// `node` is nil for the flow's own title and intro.
        case emptyText(field: TextField, node: String?, option: String?)
    }

    public let flow: String
    public let problem: Problem
    /// The Swift line that holds the mistake: the option, node or flow it is about.
    public let location: CodeLocation?

    public init(flow: String, problem: Problem, location: CodeLocation? = nil) {
        self.flow = flow
        self.problem = problem
        self.location = location
    }

    /// The node the problem is in, if it is in one.
    public var node: String? {
        switch problem {
        case .unknownStart: nil
        case .duplicateNode(let id, _): id
        case .duplicateOption(let question, _): question
        case .missingTarget(let question, _, _): question
        case .unreachable(let node): node
        case .cycle(let nodes): nodes.first
        case .tooFewOptions(let question, _): question
        case .invalidID(.node, let id, _): id
        case .invalidID(_, _, let node): node
        case .emptyText(_, let node, _): node
        }
    }

    public var description: String {
        "Flow \"\(flow)\"" + (node.map { ", node \"\($0)\"" } ?? "") + ": " + advice
    }

    private var advice: String {
        switch problem {
        case .unknownStart(let start, let nodes):
            let known = nodes.isEmpty ? "it has no nodes yet" : "its nodes are " + nodes.joined(separator: ", ")
            return "the start \"\(start)\" is not a node of this flow (\(known)). "
                + "Set start: to the id of the first question."
        case .duplicateNode(let id, let count):
            return "\(count) nodes share the id \"\(id)\". Give each question and outcome its own id."
        case .duplicateOption(let question, let option):
            return "question \"\(question)\" has more than one option \"\(option)\". "
                + "Give each option of a question its own id."
        case .missingTarget(let question, let option, let target):
            return "option \"\(option)\" of question \"\(question)\" leads to \"\(target)\", "
                + "which is not a node of this flow. Point next: at an existing question or outcome, "
                + "or add a node with that id."
        case .unreachable(let node):
            return "no answer leads to \"\(node)\", so no reader can reach it. "
                + "Point an option at it, or remove it."
        case .cycle(let nodes):
            let loop = (nodes + nodes.prefix(1)).map { "\"\($0)\"" }.joined(separator: " → ")
            return "the answers loop (\(loop)), so a reader could go round forever. "
                + "Point one of these options at a node further on, so every path ends at an outcome."
        case .tooFewOptions(let question, let count):
            return "question \"\(question)\" has \(count) option\(count == 1 ? "" : "s"); a question needs "
                + "at least two. Add options, or replace the question with an outcome."
        case .invalidID(let kind, let id, let node):
            let owner = kind == .option ? " of question \"\(node ?? "")\"" : ""
            return "the \(kind.rawValue) id \"\(id)\"\(owner) is not allowed. Use lowercase letters, digits "
                + "and hyphens, starting with a letter (for example \"phone-lost\")."
        case .emptyText(let field, let node, let option):
            return emptyTextAdvice(field: field, node: node, option: option)
        }
    }

    private func emptyTextAdvice(field: TextField, node: String?, option: String?) -> String {
        let place = option.map { "option \"\($0)\" has" } ?? (node == nil ? "the flow has" : "it has")
        switch field {
        case .flowTitle: return "\(place) an empty title. Write a short title that names the problem it solves."
        case .flowIntro: return "\(place) an empty intro. Write a sentence that says what the checker helps with."
        case .prompt: return "\(place) an empty prompt. Write the question the reader should answer."
        case .hint: return "\(place) an empty hint. Write one sentence, or leave the hint out."
        case .label: return "\(place) an empty label. Write the answer as the reader would say it."
        case .title: return "\(place) an empty title. Write a short title for the fix."
        case .summary: return "\(place) an empty summary. Write one to three sentences that say what to do."
        case .guide: return "\(place) an empty guide slug. Name the guide that explains the fix."
        case .anchor: return "\(place) an empty anchor. Name a section of the guide, or leave the anchor out."
        }
    }
}

/// Everything wrong with one flow, so an author can fix it all in one pass.
public struct FlowValidationErrors: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    public let flow: String
    public let errors: [FlowValidationError]

    public init(flow: String, errors: [FlowValidationError]) {
        self.flow = flow
        self.errors = errors
    }

    public var description: String {
        "Flow \"\(flow)\" has \(errors.count) problem\(errors.count == 1 ? "" : "s"):\n"
            + errors.map { "  - \($0.description)" }.joined(separator: "\n")
    }
}
