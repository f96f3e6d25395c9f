extension Flow {
    /// The line an author should look at for a problem: the option for problems with an
    /// answer, the node for problems with a node, the flow for the rest. For a duplicate, the
    /// second definition, since the first one is the one that counts.
    func location(of problem: FlowValidationError.Problem) -> CodeLocation? {
        switch problem {
        case .unknownStart, .invalidID(.flow, _, _), .emptyText(_, nil, _):
            return location
        case .duplicateNode(let id, _):
            return nodes.filter { $0.id == id }.dropFirst().first?.location
        case .duplicateOption(let question, let option):
            return options(of: question, id: option).dropFirst().first?.location
        case .missingTarget(let question, let option, _),
             .invalidID(.option, let option, let question?),
             .emptyText(_, let question?, let option?):
            return options(of: question, id: option).first?.location ?? node(question)?.location
        case .cycle(let loop):
            // The option that closes the loop: from its last node back to its first.
            guard let last = loop.last, let first = loop.first else { return location }
            return node(last)?.question?.options.first { $0.next == first }?.location ?? node(last)?.location
        case .unreachable(let id), .tooFewOptions(let id, _), .invalidID(.node, let id, _),
             .emptyText(_, let id?, nil):
            return node(id)?.location
        case .invalidID(.option, _, nil):
            return location
        }
    }

    private func options(of question: String, id: String) -> [Option] {
        node(question)?.question?.options.filter { $0.id == id } ?? []
    }
}
