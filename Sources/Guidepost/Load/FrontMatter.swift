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
    /// A draft is left out of the site (unless the build is asked for drafts).
    var draft = false
    /// When the guide last changed, `YYYY-MM-DD`; else git's date for the file is used.
    var updated: String?
    /// Lines of each key, for errors about values that are only wrong in context (a taken slug).
    var lines: [String: Int] = [:]
    /// What in the front matter is read differently from how it was written (an unknown key).
    var warnings: [CheckFinding] = []

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
    ///
    /// Scans bytes rather than Characters: every file of a site passes through here.
    static func split(_ text: String, file: String) throws(BuildError) -> Split {
        let none = Split(yaml: nil, body: text, bodyLineOffset: 0, yamlLineOffset: 0)
        let bytes = text.utf8
        guard bytes.starts(with: "---".utf8) else { return none }
        var lines: [Range<String.UTF8View.Index>] = []
        var start = bytes.startIndex
        var index = start
        var closing: Int?
        while index <= bytes.endIndex {
            if index == bytes.endIndex || bytes[index] == UInt8(ascii: "\n") {
                let line = start..<index
                if lines.isEmpty {
                    guard Self.isFence(bytes[line], opening: true) else { return none }
                } else if Self.isFence(bytes[line], opening: false) {
                    closing = lines.count
                    lines.append(line)
                    break
                }
                lines.append(line)
                if index == bytes.endIndex { break }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        guard let closing else {
            throw BuildError(.frontMatter, step: .load, file: file, line: 1,
                             "the front matter that starts here never ends",
                             hint: "add a line with only `---` after the last `key: value` line.")
        }
        let yamlRange = closing > 1 ? lines[1].lowerBound..<lines[closing - 1].upperBound : lines[0].upperBound..<lines[0].upperBound
        let bodyStart = lines[closing].upperBound < bytes.endIndex ? bytes.index(after: lines[closing].upperBound) : bytes.endIndex
        return Split(yaml: String(text[yamlRange]), body: String(text[bodyStart...]),
                     bodyLineOffset: closing + 1, yamlLineOffset: 1)
    }

    /// `---` (or `...` to close), allowing trailing spaces as editors leave them.
    private static func isFence(_ line: Substring.UTF8View, opening: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8) || (!opening && trimmed.elementsEqual("...".utf8))
    }

    static func parse(_ yaml: String, file: String, lineOffset: Int) throws(BuildError) -> FrontMatter {
        let reader = try YAMLReader.parse(yaml, file: file, lineOffset: lineOffset, kind: .frontMatter, step: .load)
        var matter = FrontMatter()
        matter.warnings = reader.warnings
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
        matter.draft = try reader.bool("draft") ?? false
        matter.updated = try updatedDate(reader, file: file)
        matter.warnings += reader.unknownKeys(KnownKeys.frontMatter, in: "front matter")
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

extension FrontMatter {
    /// `updated:` as a day; a value that is not one is an error, since a wrong date shown to
    /// readers as the guide's age is worse than none.
    private static func updatedDate(_ reader: YAMLReader, file: String) throws(BuildError) -> String? {
        guard let text = try reader.string("updated")?.trimmed.nonEmpty else { return nil }
        guard ISODate.isValid(text) else {
            throw BuildError(.frontMatter, step: .load, file: file, line: reader.line(of: "updated"),
                             "`updated: \(text)` is not a date",
                             hint: "write the day the guide last changed as YYYY-MM-DD, for example `updated: 2024-03-18`, or remove the line to use the date of its last git commit.")
        }
        return text
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
