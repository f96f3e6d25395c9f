import Foundation

/// Where a guide's "last updated" date comes from when its front matter has no `updated:`.
/// Injected into the build (`BuildPipeline.lastModified`), so tests need no git.
public protocol LastModifiedSource: Sendable {
    /// The day (`YYYY-MM-DD`) each file below `root` last changed, keyed by its path relative to
    /// `root` with `/` separators; empty when that cannot be told.
    func dates(under root: String) -> [String: String]
}

/// No dates: guides show one only when their front matter gives it.
public struct NoLastModified: LastModifiedSource {
    public init() {}
    public func dates(under root: String) -> [String: String] { [:] }
}

/// Fixed dates, for tests.
public struct FixedLastModified: LastModifiedSource {
    public var dates: [String: String]
    public init(_ dates: [String: String]) { self.dates = dates }
    public func dates(under root: String) -> [String: String] { dates }
}

/// The committer date of the last commit that touched each file, from one `git log` for the
/// whole content folder: the same for a given commit on every machine, unlike file times.
/// Outside a repository, or without git, there are no dates and nothing is said: a site built
/// from an export or a tarball is still a site.
public struct GitLastModified: LastModifiedSource {
    public init() {}

    public func dates(under root: String) -> [String: String] {
        guard let output = Self.run(["-C", root, "log", "--format=%x01%cs", "--name-only", "-z", "--relative", "--no-renames", "--", "."])
        else { return [:] }
        return Self.parse(output)
    }

    /// Reads `git log --format=%x01%cs --name-only -z` output: each commit is `\u{1}` and its
    /// date, then its files, NUL-separated. Newest first, so a file's first date is its last change.
    static func parse(_ output: Data) -> [String: String] {
        var dates: [String: String] = [:]
        for commit in output.split(separator: 1) {
            let fields = commit.split(separator: 0, omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            let date = String(decoding: first, as: UTF8.self).trimmed
            guard ISODate.isValid(date) else { continue }
            for field in fields.dropFirst() {
                let path = String(decoding: field, as: UTF8.self).trimmed
                if !path.isEmpty, dates[path] == nil { dates[path] = date }
            }
        }
        return dates
    }

    /// git's standard output, or nil if it cannot run or fails (not a repository, no commits).
    private static func run(_ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        // A repository's pager, colours or a global `log.showSignature` must not reach the output.
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_PAGER"] = "cat"
        environment["GIT_CONFIG_PARAMETERS"] = "'log.showsignature=false' 'color.ui=false'"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}

/// A calendar day written `YYYY-MM-DD`, as `updated:` takes it and as pages show it.
enum ISODate {
    static func isValid(_ text: String) -> Bool { parts(text) != nil }

    /// Year, month and day, or nil if `text` is not a real day in `YYYY-MM-DD` form.
    static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
              pieces.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    /// `2024-03-08` as `8 March 2024`: unambiguous to every reader, unlike `03/08/2024`.
    static func display(_ text: String) -> String {
        guard let (year, month, day) = parts(text) else { return text }
        return "\(day) \(monthNames[month - 1]) \(year)"
    }

    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                     "October", "November", "December"]

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
