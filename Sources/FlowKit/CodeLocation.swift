/// Where in the Swift source a flow, node or option was written, so the build can point an
/// author at the line to fix instead of at a folder. Captured by the builders with
/// `#filePath` and `#line`.
public struct CodeLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Relative to the package root when the path shows where that is (see `init(filePath:line:)`).
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `#filePath` is absolute on the machine that compiled it; errors read better, and the
    /// same on every machine, from the package root (`Sources/HelpFlows/OccupiedContact.swift`).
    public init(filePath: String, line: Int) {
        self.init(file: Self.packageRelative(filePath), line: line)
    }

    public var description: String { "\(file):\(line)" }

    /// Cuts the path at its last `Sources` or `Tests` folder, the top folders of a Swift package.
    static func packageRelative(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let top = parts.lastIndex(where: { $0 == "Sources" || $0 == "Tests" }) else { return path }
        return parts[top...].joined(separator: "/")
    }
}
