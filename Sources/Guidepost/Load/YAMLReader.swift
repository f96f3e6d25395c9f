import Yams
import GuidepostMarkdown

/// Reads typed values out of a YAML mapping, reporting each mistake with the file and the line
/// of the offending value, which `Decodable` cannot do.
struct YAMLReader {
    let mapping: Node.Mapping
    let file: String
    /// Line of the YAML text's first line within `file`, minus one.
    let lineOffset: Int
    /// Values that held control characters, which the readers below leave out.
    var warnings: [CheckFinding] = []

    /// Parses `yaml`; an empty document reads as an empty mapping.
    static func parse(_ yaml: String, file: String, lineOffset: Int, kind: BuildError.Kind, step: BuildError.Step) throws(BuildError) -> YAMLReader {
        let node: Node?
        do {
            // UTF-8 named outright: Yams's default reads the process environment on every call,
            // which on a large site costs more than parsing the front matter.
            // The basic resolver runs no regular expressions. The default one runs seven on each
            // key every time a mapping is searched, a fifth of all YAML time on a large site. No
            // reader here looks at resolved tags: `Node.int`, `.bool` and `.null` parse the
            // scalar's text themselves, and keys compare alike under either resolver.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            let problem = YAMLProblem(error, lineOffset: lineOffset)
            throw BuildError(kind, step: step, file: file, line: problem.line, column: problem.column,
                             "the YAML could not be read: \(problem.message)",
                             hint: "check the indentation and quote values that contain ': ', '#', or start with '[', '{', '*', '&' or '@'.")
        } catch {
            throw BuildError(kind, step: step, file: file, "the YAML could not be read")
        }
        guard let node else { return YAMLReader(mapping: [:], file: file, lineOffset: lineOffset) }
        guard let mapping = node.mapping else {
            throw BuildError(kind, step: step, file: file, line: (node.mark?.line).map { $0 + lineOffset },
                             "expected `key: value` pairs, found a \(Self.describe(node))")
        }
        return YAMLReader(mapping: mapping, file: file, lineOffset: lineOffset,
                          warnings: ControlCharacters.warnings(in: node, file: file, lineOffset: lineOffset))
    }

    func line(of key: String) -> Int? {
        (mapping[key]?.mark?.line).map { $0 + lineOffset }
    }

    func has(_ key: String) -> Bool { mapping[key] != nil }

    func string(_ key: String) throws(BuildError) -> String? {
        guard let node = mapping[key], !isNull(node) else { return nil }
        guard let scalar = node.scalar else { throw typeError(key, node, expected: "a piece of text") }
        return ControlCharacters.stripped(scalar.string)
    }

    func int(_ key: String) throws(BuildError) -> Int? {
        guard let node = mapping[key], !isNull(node) else { return nil }
        guard let value = node.int else { throw typeError(key, node, expected: "a whole number") }
        return value
    }

    func bool(_ key: String) throws(BuildError) -> Bool? {
        guard let node = mapping[key], !isNull(node) else { return nil }
        guard let value = node.bool else { throw typeError(key, node, expected: "true or false") }
        return value
    }

    /// A list of strings; a single string counts as a list of one, as authors often write it.
    func strings(_ key: String) throws(BuildError) -> [String] {
        guard let node = mapping[key], !isNull(node) else { return [] }
        if let scalar = node.scalar { return [ControlCharacters.stripped(scalar.string)] }
        guard let sequence = node.sequence else { throw typeError(key, node, expected: "a list of text values") }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw typeError(key, item, expected: "a list of text values") }
            result.append(ControlCharacters.stripped(scalar.string))
        }
        return result
    }

    func reader(_ key: String) throws(BuildError) -> YAMLReader? {
        guard let node = mapping[key], !isNull(node) else { return nil }
        guard let nested = node.mapping else { throw typeError(key, node, expected: "`key: value` pairs") }
        return YAMLReader(mapping: nested, file: file, lineOffset: lineOffset)
    }

    func readers(_ key: String) throws(BuildError) -> [YAMLReader] {
        guard let node = mapping[key], !isNull(node) else { return [] }
        guard let sequence = node.sequence else { throw typeError(key, node, expected: "a list") }
        var result: [YAMLReader] = []
        for item in sequence {
            guard let nested = item.mapping else { throw typeError(key, item, expected: "a list of `key: value` entries") }
            result.append(YAMLReader(mapping: nested, file: file, lineOffset: lineOffset))
        }
        return result
    }

    private func isNull(_ node: Node) -> Bool { node.null != nil && node.scalar?.style == .plain }

    private func typeError(_ key: String, _ node: Node, expected: String) -> BuildError {
        BuildError(.frontMatter, step: .load, file: file, line: (node.mark?.line).map { $0 + lineOffset },
                   "`\(key)` should be \(expected), but it is \(Self.describe(node))")
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "`\(scalar.string)`"
        case .mapping: return "a set of `key: value` pairs"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
