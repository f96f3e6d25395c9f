import Foundation
import Guidepost

/// Shows how far a large build has got, on one rewritten line, only when a person is watching:
/// in CI logs (not a terminal) it prints nothing.
final class ProgressLine: Sendable {
    private let enabled: Bool

    private init(enabled: Bool) { self.enabled = enabled }

    static func forStandardError() -> ProgressLine {
        ProgressLine(enabled: isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil)
    }

    /// Small sites build faster than a progress line can be read.
    private static let threshold = 500

    var report: @Sendable (BuildProgress) -> Void {
        { [enabled] progress in
            guard enabled, progress.total >= Self.threshold else { return }
            let line = "\r\(progress.step): \(progress.done)/\(progress.total)\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
