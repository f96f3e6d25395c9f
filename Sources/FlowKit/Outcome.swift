/// Where a path ends: the solution that applies, and the guide that explains it.
public struct Outcome: Sendable, Equatable, Hashable, Identifiable {
    /// How the outcome is presented. A warning is for outcomes where acting without care
    /// loses something, so the reader slows down before following the guide.
    public enum Tone: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        case success
        case warning
    }

    public let id: String
    public let title: String
    /// One to three sentences of plain text.
    public let summary: String
    /// The slug of the guide that explains the fix.
    public let guide: String
    /// A section of that guide, when the fix is one part of it.
    public let anchor: String?
    public let tone: Tone
    public let location: CodeLocation?

    public init(
        _ id: String, title: String, summary: String, guide: String,
        anchor: String? = nil, tone: Tone = .success, filePath: String = #filePath, line: Int = #line
    ) {
        self.init(id, title: title, summary: summary, guide: guide, anchor: anchor, tone: tone,
                  location: CodeLocation(filePath: filePath, line: line))
    }

    public init(
        _ id: String, title: String, summary: String, guide: String,
        anchor: String?, tone: Tone, location: CodeLocation?
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.guide = guide
        self.anchor = anchor
        self.tone = tone
        self.location = location
    }
}
