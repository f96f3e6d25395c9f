/// One problem that stops a build, written for the author who has to fix it.
///
/// Every error carries the pipeline step it came from and, where there is one, the file, line
/// and column, so a list of them reads like compiler output: `content/a.md:12: error: …`, or
/// `content/a.md:12:7: error: …` for a broken link.
public struct BuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage the error stopped: the same names as `--timings` and the progress line.
    public typealias Step = BuildStep

    public enum Kind: String, Sendable {
        case missingContent, emptyContent, missingTemplates, unreadableFile, invalidUTF8
        case frontMatter, config, missingTitle, unsafePath, duplicateURL
        case brokenLink, missingAnchor, duplicateAnchor, missingPartial, template, flow, output
        /// A warning that `--strict` raised to an error.
        case warning
    }

    public var kind: Kind
    public var step: Step
    /// Path as the author typed or sees it (relative to the working folder where possible).
    public var file: String?
    public var line: Int?
    /// 1-based, in characters; known only where the parser reports it (links), so most errors leave it nil.
    public var column: Int?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ kind: Kind, step: Step, file: String? = nil, line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.step = step
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
            location += ": "
        }
        var text = "\(location)error: \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension BuildError {
    /// A warning raised to an error by `--strict`: the same place, message and hint.
    init(strict warning: CheckFinding) {
        self.init(.warning, step: .load, file: warning.file, line: warning.line, column: warning.column,
                  warning.message, hint: warning.hint)
    }
}

/// All the problems a build found, so an author fixes them in one pass instead of one per run.
public struct BuildErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [BuildError]

    public init(_ errors: [BuildError]) {
        // Two broken links on one line are listed left to right, as `sitegen check` lists them.
        self.errors = errors.sorted { lhs, rhs in
            (lhs.file ?? "", lhs.line ?? 0, lhs.column ?? 0, lhs.message) < (rhs.file ?? "", rhs.line ?? 0, rhs.column ?? 0, rhs.message)
        }
    }

    public var description: String {
        let count = errors.count == 1 ? "1 error" : "\(errors.count) errors"
        return errors.map(\.description).joined(separator: "\n") + "\n\(count)"
    }
}

/// Collects errors across a step instead of stopping at the first one.
struct ErrorLog: Sendable {
    private(set) var errors: [BuildError] = []

    mutating func add(_ error: BuildError) { errors.append(error) }
    mutating func add(contentsOf other: [BuildError]) { errors.append(contentsOf: other) }

    var isEmpty: Bool { errors.isEmpty }

    /// Throws everything collected so far, so later steps never run on broken input.
    func check() throws(BuildErrors) {
        if !errors.isEmpty { throw BuildErrors(errors) }
    }
}
