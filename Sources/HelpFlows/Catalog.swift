import FlowKit

/// Every flow checker of the help center. Add a flow here after writing it in its own file.
public enum HelpFlows {
    public static let all: [Flow] = [
        occupiedContact,
        missingCode,
    ]

    public static func flow(id: String) -> Flow? {
        all.first { $0.id == id }
    }
}
