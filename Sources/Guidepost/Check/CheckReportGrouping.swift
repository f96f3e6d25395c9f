/// Folds findings that say the same thing about many files into one line, so one missing habit
/// of an imported site (414 guides without a summary) does not bury the rest of the report.
enum CheckReportGrouping {
    /// A message shared by more findings than this is grouped; fewer read fine one by one.
    static let threshold = 3

    static func lines(_ findings: [CheckFinding]) -> [String] {
        struct Key: Hashable {
            var severity: String
            var message: String
            var hint: String?
        }
        func key(_ finding: CheckFinding) -> Key { Key(severity: finding.severity.rawValue, message: finding.message, hint: finding.hint) }
        var counts: [Key: Int] = [:]
        for finding in findings { counts[key(finding), default: 0] += 1 }
        var printed: Set<Key> = []
        var lines: [String] = []
        for finding in findings {
            let key = key(finding)
            let count = counts[key] ?? 1
            guard count > threshold else {
                lines.append(finding.description)
                continue
            }
            guard printed.insert(key).inserted else { continue }
            lines.append(finding.description + " (and \(count - 1) more files like it; `--format json` lists each)")
        }
        return lines
    }
}
