/// Everything one `sitegen check` run found, sorted, with the two ways of printing it.
public struct CheckReport: Sendable, Equatable {
    /// Sorted by path, then line and column.
    public private(set) var findings: [CheckFinding]

    public init(_ findings: [CheckFinding]) {
        self.findings = findings.sorted()
    }

    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    /// Whether the content would fail: an error means a build of it stops.
    public var hasErrors: Bool { errorCount > 0 }

    /// The same findings with every warning raised to an error, for `--strict`: a site that must
    /// stay free of hints fails CI the moment one appears, and the annotation says so.
    public func treatingWarningsAsErrors() -> CheckReport {
        CheckReport(findings.map { finding in
            var raised = finding
            raised.severity = .error
            return raised
        })
    }

    /// One line per finding, ending in a newline; empty when there is nothing to report. A
    /// message that many files share (an imported site with no summaries) is one line, at its
    /// first file, with a count; `json` lists each.
    public var text: String {
        CheckReportGrouping.lines(findings).map { $0 + "\n" }.joined()
    }

    /// `2 errors, 3 warnings`
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return count(errorCount, "error") + ", " + count(warningCount, "warning")
    }

    /// A JSON array of `{file, line, column, severity, message, hint}`, one finding a line.
    ///
    /// Written by hand rather than with `JSONEncoder`, whose key order is unspecified: tools and
    /// snapshot tests compare this output byte for byte.
    public var json: String {
        guard !findings.isEmpty else { return "[]\n" }
        let objects = findings.map { finding in
            let fields = [
                ("file", JSONValue.string(finding.file)),
                ("line", JSONValue.number(finding.line)),
                ("column", JSONValue.number(finding.column)),
                ("severity", JSONValue.string(finding.severity.rawValue)),
                ("message", JSONValue.string(finding.message)),
                ("hint", finding.hint.map(JSONValue.string) ?? .null),
            ]
            return "  {" + fields.map { "\(JSONValue.quote($0.0)): \($0.1.encoded)" }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// The three kinds of value a finding holds, encoded as RFC 8259 JSON.
private enum JSONValue {
    case string(String)
    case number(Int)
    case null

    var encoded: String {
        switch self {
        case .string(let text): Self.quote(text)
        case .number(let number): String(number)
        case .null: "null"
        }
    }

    static func quote(_ text: String) -> String {
        var json = ""
        JSONText.appendQuoted(text, to: &json)
        return json
    }
}
