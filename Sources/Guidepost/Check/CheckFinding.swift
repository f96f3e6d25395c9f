/// One thing `sitegen check` reports: an error a build would stop at, or a hint for the author.
///
/// It always has a line and a column, so every finding reads `path:line:column: severity: message`,
/// the shape editors and CI systems turn into annotations without configuration.
public struct CheckFinding: Sendable, Equatable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable {
        /// Stops a build.
        case error
        /// The site builds, but readers lose something (alt text, a summary, a way in).
        case warning
    }

    /// Path as the author sees it, like the build's errors (`content/Billing/refunds.md`).
    public var file: String
    /// 1-based; 1 when the finding is about the whole file.
    public var line: Int
    /// 1-based, in characters; 1 when the position within the line is not known.
    public var column: Int
    public var severity: Severity
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(file: String, line: Int = 1, column: Int = 1, severity: Severity, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// A build error as a finding; errors about no file in particular (two categories wanting
    /// one URL) are placed on the content folder, since a finding without a path cannot be annotated.
    init(_ error: BuildError, contentRoot: String) {
        self.init(file: error.file ?? contentRoot, line: error.line ?? 1, column: error.column ?? 1,
                  severity: .error, message: error.message, hint: error.hint)
    }

    public var description: String {
        "\(file):\(line):\(column): \(severity.rawValue): \(message)"
    }

    /// By path, then position, so findings in one file read top to bottom.
    public static func < (lhs: CheckFinding, rhs: CheckFinding) -> Bool {
        (lhs.file, lhs.line, lhs.column, lhs.message) < (rhs.file, rhs.line, rhs.column, rhs.message)
    }
}
