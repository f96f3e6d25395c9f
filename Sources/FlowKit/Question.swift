/// A question with the answers a reader can choose from.
public struct Question: Sendable, Equatable, Hashable, Identifiable {
    public let id: String
    public let prompt: String
    /// One sentence shown under the question, for the reader who is unsure what it asks.
    public let hint: String?
    public let options: [Option]
    /// Where the question was written, for errors about it.
    public let location: CodeLocation?

    @_spi(Untyped) public init(id: String, prompt: String, hint: String? = nil, options: [Option], location: CodeLocation? = nil) {
        self.id = id
        self.prompt = prompt
        self.hint = hint
        self.options = options
        self.location = location
    }

    @_spi(Untyped) public init(
        _ id: String, _ prompt: String, hint: String? = nil,
        filePath: String = #filePath, line: Int = #line,
        @OptionBuilder options: () -> [Option]
    ) {
        self.init(id: id, prompt: prompt, hint: hint, options: options(),
                  location: CodeLocation(filePath: filePath, line: line))
    }

    public func option(_ id: String) -> Option? {
        options.first { $0.id == id }
    }
}

/// One answer to a question, and the node it leads to.
public struct Option: Sendable, Equatable, Hashable, Identifiable {
    public let id: String
    public let label: String
    /// The id of the question or outcome this answer leads to.
    public let next: String
    public let location: CodeLocation?

    @_spi(Untyped) public init(_ id: String, _ label: String, next: String, location: CodeLocation?) {
        self.id = id
        self.label = label
        self.next = next
        self.location = location
    }

    @_spi(Untyped) public init(_ id: String, _ label: String, next: String, filePath: String = #filePath, line: Int = #line) {
        self.init(id, label, next: next, location: CodeLocation(filePath: filePath, line: line))
    }
}
