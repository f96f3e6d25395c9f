import GuidepostSupport

extension Flow {
    /// The flow as a Mermaid flowchart, for reviewing its shape (`sitegen flow --graph`).
    /// Node names get a kind prefix and underscores, since Mermaid reads `-` and words such as
    /// `end` as syntax; valid ids cannot contain `_`, so the names stay distinct.
    public func mermaid() -> String {
        var lines = ["flowchart TD"]
        lines.append("  start((Start)) --> \(Self.mermaidName(start, in: self))")
        for node in nodes {
            let name = Self.mermaidName(node.id, in: self)
            switch node {
            case .question(let question):
                lines.append("  \(name){\"\(Self.mermaidLabel(question.prompt))\"}")
                for option in question.options {
                    lines.append(
                        "  \(name) -->|\"\(Self.mermaidLabel(option.label))\"| \(Self.mermaidName(option.next, in: self))")
                }
            case .outcome(let outcome):
                lines.append("  \(name)([\"\(Self.mermaidLabel(outcome.title))\"])")
            }
        }
        let warnings = outcomes.filter { $0.tone == .warning }.map { Self.mermaidName($0.id, in: self) }
        if !warnings.isEmpty {
            lines.append("  classDef warning stroke:#b45309,stroke-width:3px")
            lines.append("  class \(warnings.joined(separator: ",")) warning")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The flow as a Graphviz digraph, for `dot -Tsvg`.
    public func dot() -> String {
        var lines = ["digraph \(Self.dotQuoted(id)) {", "  node [shape=box];"]
        // `__start` cannot clash with a node: valid ids have no underscores.
        lines.append("  \"__start\" [shape=circle, label=\"Start\"];")
        lines.append("  \"__start\" -> \(Self.dotQuoted(start));")
        for node in nodes {
            switch node {
            case .question(let question):
                lines.append("  \(Self.dotQuoted(question.id)) [label=\(Self.dotQuoted(question.prompt))];")
                for option in question.options {
                    lines.append("  \(Self.dotQuoted(question.id)) -> \(Self.dotQuoted(option.next))"
                        + " [label=\(Self.dotQuoted(option.label))];")
                }
            case .outcome(let outcome):
                let fill = outcome.tone == .warning ? "#fdecd2" : "#e6f4ea"
                lines.append("  \(Self.dotQuoted(outcome.id)) [style=\"rounded,filled\", fillcolor=\"\(fill)\","
                    + " label=\(Self.dotQuoted(outcome.title))];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mermaidName(_ id: String, in flow: Flow) -> String {
        let prefix = flow.node(id)?.outcome != nil ? "o_" : "q_"
        let safe = id.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_"
        }
        return prefix + safe.joined()
    }

    /// Mermaid reads entity codes such as `#quot;` inside quoted labels; every character that
    /// could end the label or be taken as markup is written that way.
    private static func mermaidLabel(_ text: String) -> String {
        lineBreaksAsLF(text).replacingScalars { scalar in
            switch scalar {
            case "#": "#35;"
            case "\"": "#quot;"
            case "<": "#lt;"
            case ">": "#gt;"
            case "&": "#amp;"
            case "|": "#124;"
            case "\n", "\r", "\u{2028}", "\u{2029}": " "
            default: nil
            }
        }
    }

    private static func dotQuoted(_ text: String) -> String {
        "\"" + lineBreaksAsLF(text).replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n", "\r": "\\n"
            default: nil
            }
        } + "\""
    }

    /// `\r\n` as one `\n`, so a Windows line break becomes one space or one `\n`, not two.
    private static func lineBreaksAsLF(_ text: String) -> String {
        text.contains("\r\n") ? String(text.map { $0 == "\r\n" ? "\n" : $0 }) : text
    }
}
