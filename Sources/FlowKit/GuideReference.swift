/// An outcome's link to a guide, for the generator to check against the guides it has.
public struct GuideReference: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let outcome: String
    /// The guide's slug.
    public let guide: String
    public let anchor: String?

    public init(outcome: String, guide: String, anchor: String? = nil) {
        self.outcome = outcome
        self.guide = guide
        self.anchor = anchor
    }

    public var description: String {
        "\(outcome) → \(guide)" + (anchor.map { "#\($0)" } ?? "")
    }
}
