import FlowKit

/// Flow problems as build errors, each at the Swift file and line where the author wrote the
/// node or option at fault, so `build`, `check` and `sitegen flow` print them alike.
public enum FlowErrors {
    /// Where errors go when a flow was built without a location (by hand, not by a builder).
    static let fallbackFile = "Sources/HelpFlows"

    /// Every structural problem of every flow in the catalog, embedded in a guide or not:
    /// a flow no guide uses yet is still one a guide may use tomorrow.
    public static func validating(_ catalog: [Flow]) -> [BuildError] {
        var errors: [BuildError] = []
        var seen: [String: Flow] = [:]
        for flow in catalog {
            errors += validating(flow)
            if let first = seen[flow.id] {
                errors.append(error(at: flow.location,
                                    "two flows have the id \"\(flow.id)\" (the other is at \(first.location?.description ?? fallbackFile))",
                                    hint: "give each flow its own id: it names the flow's pages and URL answers."))
            } else {
                seen[flow.id] = flow
            }
        }
        return errors
    }

    public static func validating(_ flow: Flow) -> [BuildError] {
        flow.validate().map { error(at: $0.location, $0.description) }
    }

    /// A spec that could not be compiled, located like a validation error.
    static func errors(_ error: FlowSpecError, in flow: Flow) -> [BuildError] {
        switch error {
        case .invalidFlow(let errors):
            return errors.errors.map { self.error(at: $0.location, $0.description) }
        case .unknownGuide(_, let outcome, _, _):
            return [self.error(at: flow.node(outcome)?.location ?? flow.location, error.description)]
        }
    }

    static func error(at location: CodeLocation?, _ message: String, hint: String? = nil) -> BuildError {
        BuildError(.flow, step: .flows, file: location?.file ?? fallbackFile, line: location?.line, message, hint: hint)
    }
}
