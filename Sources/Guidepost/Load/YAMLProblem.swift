import Yams

/// A YAML syntax error as an author should read it: where (line and column in the file) and
/// what, in plain words instead of libyaml's ("found character that cannot start any token").
struct YAMLProblem {
    var line: Int?
    var column: Int?
    var message: String

    /// `lineOffset` is the YAML text's first line within its file, minus one.
    init(_ error: YamlError, lineOffset: Int) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            line = mark.line + lineOffset
            column = mark.column
            // The context says where the unfinished construct began, often the line to fix.
            let start = context.map { " (in \(Self.construct($0.text)) that starts on line \($0.mark.line + lineOffset))" } ?? ""
            message = Self.plain(problem) + start
        case .reader(let problem, let offset, let value, let yaml):
            (line, column) = offset.map { Self.position(of: $0, in: yaml, lineOffset: lineOffset) } ?? (nil, nil)
            message = problem.contains("control characters")
                ? "a control character (\(Self.codePoint(value))) that YAML does not allow"
                : "text that is not valid UTF-8 (\(problem))"
        case .duplicatedKeysInMapping(let duplicates, let context):
            line = context.mark.line + lineOffset
            column = context.mark.column
            message = "the key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) appears twice"
        case .dataCouldNotBeDecoded:
            message = "the text is not valid UTF-8"
        default:
            message = "the YAML parser stopped without saying where"
        }
    }

    /// libyaml's messages, the common ones reworded; the rest are clear enough as they are.
    private static let plainWords: [String: String] = [
        "mapping values are not allowed in this context": "a `:` where it can't start a value; quote a value that contains `: `",
        "could not find expected ':'": "a key without the `:` that should follow it",
        "did not find expected key": "a line that is not a `key: value` at this indentation",
        "found character that cannot start any token": "a character that cannot start a value (such as `@`, a backtick or a tab); quote the value",
        "found unexpected end of stream": "the text ends inside an unfinished value, such as a quote that is never closed",
        "found a tab character that violates indentation": "a tab used to indent; YAML indents with spaces",
        "found a tab character where an indentation space is expected": "a tab used to indent; YAML indents with spaces",
        "did not find expected node content": "a key or list item with nothing where its value should be",
        "did not find expected ',' or ']'": "a `[…]` list that is not closed, or items without commas between them",
        "did not find expected ',' or '}'": "a `{…}` set that is not closed, or pairs without commas between them",
        "found unknown escape character": "an unknown backslash escape in double quotes; write `\\\\` for a backslash",
        "found undefined tag handle": "a `!` that starts a YAML tag; quote the value",
        "found unexpected ':'": "a `:` where it can't be; quote the value",
        "block sequence entries are not allowed in this context": "a `- ` list item where a value should be",
        "did not find expected '-' indicator": "a line that is not a `- ` list item at this indentation",
        "found undefined alias": "a `*name` that refers to no `&name`; quote a value that starts with `*`",
    ]

    private static func plain(_ problem: String) -> String {
        plainWords[problem] ?? problem
    }

    private static func construct(_ context: String) -> String {
        if context.contains("quoted scalar") { return "the quoted text" }
        if context.contains("block mapping") { return "the `key: value` lines" }
        if context.contains("flow sequence") { return "the `[…]` list" }
        if context.contains("flow mapping") { return "the `{…}` set" }
        if context.contains("simple key") { return "the key" }
        if context.contains("block collection") || context.contains("block sequence") { return "the list" }
        if context.contains("block scalar") { return "the `|` or `>` text block" }
        return "the value"
    }

    /// `offset` counts characters from the start of `yaml`.
    private static func position(of offset: Int, in yaml: String, lineOffset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for character in yaml.prefix(offset) {
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line + lineOffset, column)
    }

    private static func codePoint(_ value: Int32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
