import GuidepostMarkdown
import Yams

/// YAML escapes such as `"\0"`, `"\e"` or `"\a"` would put NUL, ESC or BEL bytes into the
/// HTML: the readers remove them, with a warning at each value that held one.
extension ControlCharacters {
    static func warning(file: String, line: Int, column: Int = 1) -> CheckFinding {
        CheckFinding(file: file, line: line, column: column, severity: .warning,
                     message: "a control character (such as NUL, ESC or BEL) was removed from this text",
                     hint: "remove the escape (`\\0`, `\\e`, `\\a`, …) or the character; pages can't show it.")
    }

    /// A warning for each YAML value holding a control character.
    static func warnings(in node: Node, file: String, lineOffset: Int) -> [CheckFinding] {
        switch node {
        case .scalar(let scalar):
            guard contains(scalar.string) else { return [] }
            return [warning(file: file, line: (scalar.mark?.line ?? 1) + lineOffset, column: scalar.mark?.column ?? 1)]
        case .mapping(let mapping):
            return mapping.flatMap { warnings(in: $0.key, file: file, lineOffset: lineOffset) + warnings(in: $0.value, file: file, lineOffset: lineOffset) }
        case .sequence(let sequence):
            return sequence.flatMap { warnings(in: $0, file: file, lineOffset: lineOffset) }
        case .alias:
            return []
        }
    }
}
