import Synchronization

/// The build's stages, in the order they run: the one set of names an error's step, a
/// `--timings` line and the progress line all use (the idea of Publish's `PublishingStep`).
public enum BuildStep: String, Sendable, CaseIterable {
    /// Every Markdown file parsed, site.yml read, drafts set aside.
    case load
    /// URLs, categories, order and related guides decided.
    case model
    /// Every link between content files resolved.
    case link = "links"
    /// Each flow checker the content embeds, validated and compiled to its spec.
    case flows
    /// The templates read and checked, overrides applied.
    case theme
    /// The search index of every guide and the FAQ.
    case search
    /// Every path decided and checked; pages are still to render (`PendingSite`).
    case assemble
    /// Every page made in memory.
    case render
    /// The site written into the output folder (pages rendered as they are written).
    case write
}

/// How long one step of a build took, for `--timings`.
public struct StepTiming: Sendable, Equatable {
    /// A `BuildStep`'s name.
    public var step: String
    public var seconds: Double
}

extension StepTiming {
    /// `load 0.52 s · model 0.04 s · …`, one line for a terminal.
    public static func line(_ steps: [StepTiming]) -> String {
        steps.map { "\($0.step) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: " · ")
    }
}

/// Collects step timings, which arrive from the build's threads.
public final class StepLog: Sendable {
    private let steps = Mutex<[StepTiming]>([])

    public init() {}

    public func append(_ step: StepTiming) { steps.withLock { $0.append(step) } }
    public var all: [StepTiming] { steps.withLock { $0 } }
}

/// Reports each step's time as it ends.
struct StepClock {
    let report: @Sendable (StepTiming) -> Void
    private var started = ContinuousClock.now

    init(_ report: @escaping @Sendable (StepTiming) -> Void) {
        self.report = report
    }

    mutating func lap(_ step: BuildStep) {
        let now = ContinuousClock.now
        let elapsed = (now - started).components
        report(StepTiming(step: step.rawValue, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        started = now
    }
}
