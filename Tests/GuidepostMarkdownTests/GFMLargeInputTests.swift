import Foundation
import Testing
@testable import GuidepostMarkdown

/// The GFM passes on long paragraphs of their own syntax: ten times the input takes no more
/// than about ten times as long (with the same slack as the site's `LargeInputTests`).
@Suite(.timeLimit(.minutes(5)), .serialized) struct GFMLargeInputTests {
    static let inputs: [(String, @Sendable (Int) -> String)] = [
        ("unmatched tildes", { String(repeating: "~a ", count: $0) + String(repeating: "b~~ ", count: $0) }),
        ("autolinks", { String(repeating: "www.example.com/a_b-c see@example.org ", count: $0) }),
        ("at signs", { String(repeating: "a@", count: $0) }),
        ("footnote references", { String(repeating: "x[^n] ", count: $0) + "\n\n[^n]: Note.\n" }),
        ("table rows", { "| a | b |\n|---|---|\n" + String(repeating: "| ~~x~~ [l](u) | www.example.com |\n", count: $0) }),
    ]

    private func time(_ text: String) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        _ = MarkdownDocument.parse(text)
        return clock.now - start
    }

    @Test(arguments: inputs.indices)
    func linearInTheInput(_ index: Int) {
        let (what, make) = Self.inputs[index]
        let small = time(make(5_000)), large = time(make(50_000))
        let ratio = large / max(small, .milliseconds(5))
        #expect(large < .milliseconds(500) || ratio < 30, "\(what): \(small) then \(large), \(ratio)×")
    }

    @Test func theyAreStillRightAtThatSize() {
        let document = MarkdownDocument.parse(Self.inputs[4].1(1_000))
        guard case .table(let table)? = document.blocks.first else {
            Issue.record("no table")
            return
        }
        #expect(table.rows.count == 1_000)
        #expect(document.links.count == 2_000)
        #expect(document.links.map(\.index) == Array(0..<2_000))
    }
}
