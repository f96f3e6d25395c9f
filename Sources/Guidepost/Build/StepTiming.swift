import Synchronization

/// How long one step of a build took, for `--timings`.
public struct StepTiming: Sendable, Equatable {
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

    mutating func lap(_ step: String) {
        let now = ContinuousClock.now
        let elapsed = (now - started).components
        report(StepTiming(step: step, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        started = now
    }
}
