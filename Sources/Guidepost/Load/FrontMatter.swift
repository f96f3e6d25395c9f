/// What a Markdown file says about itself between its `---` lines.
struct FrontMatter: Sendable, Equatable {
    enum Layout: String, Sendable { case guide, faq, home }

    var title: String?
    var summary: String?
    var category: [String]?
    var order: Int?
    var tags: [String] = []
    var slug: String?
    var flow: String?
    var layout: Layout = .guide
    var aliases: [String] = []
    /// Lines of each key, for errors about values that are only wrong in context (a taken slug).
    var lines: [String: Int] = [:]

    /// The file split into its front matter and its Markdown body.
    struct Split: Equatable {
        var yaml: String?
        var body: String
        /// Number of lines before the body, so body line N is file line N + bodyLineOffset.
        var bodyLineOffset: Int
        /// Line of the first YAML line minus one.
        var yamlLineOffset: Int
    }

    /// Splits off a front matter block that starts on the first line with `---` and ends with `---` or `...`.
    static func split(_ text: String, file: String) throws(BuildError) -> Split {
        guard text.hasPrefix("---") else { return Split(yaml: nil, body: text, bodyLineOffset: 0, yamlLineOffset: 0) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            return Split(yaml: nil, body: text, bodyLineOffset: 0, yamlLineOffset: 0)
        }
        lines.removeFirst()
        guard let end = lines.firstIndex(where: { ["---", "..."].contains($0.trimmingTrailingSpaces()) }) else {
            throw BuildError(.frontMatter, step: .load, file: file, line: 1,
                             "the front matter that starts here never ends",
                             hint: "add a line with only `---` after the last `key: value` line.")
        }
        let yaml = lines[..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return Split(yaml: yaml, body: body, bodyLineOffset: end + 2, yamlLineOffset: 1)
    }

    static func parse(_ yaml: String, file: String, lineOffset: Int) throws(BuildError) -> FrontMatter {
        let reader = try YAMLReader.parse(yaml, file: file, lineOffset: lineOffset, kind: .frontMatter, step: .load)
        var matter = FrontMatter()
        matter.title = try reader.string("title")?.trimmed.nonEmpty
        let description = try reader.string("description")?.trimmed.nonEmpty
        matter.summary = try reader.string("summary")?.trimmed.nonEmpty ?? description
        if let category = try reader.string("category") {
            matter.category = CategoryPath.split(category)
        }
        matter.order = try reader.int("order")
        matter.tags = try reader.strings("tags").map(\.trimmed).filter { !$0.isEmpty }
        matter.slug = try reader.string("slug")?.trimmed
        matter.flow = try reader.string("flow")?.trimmed.nonEmpty
        matter.aliases = try reader.strings("aliases")
        if let layout = try reader.string("layout") {
            guard let value = Layout(rawValue: layout) else {
                throw BuildError(.frontMatter, step: .load, file: file, line: reader.line(of: "layout"),
                                 "`layout: \(layout)` is not a layout Guidepost knows",
                                 hint: "use `guide` (the default), `faq` or `home`.")
            }
            matter.layout = value
        }
        for key in ["title", "slug", "category", "flow", "layout", "aliases"] {
            if let line = reader.line(of: key) { matter.lines[key] = line }
        }
        return matter
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> Substring {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }

    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
