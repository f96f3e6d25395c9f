import Testing
import GuidepostSupport

@Suite struct ScalarReplacingTests {
    @Test func replacesOnlyTheScalarsTheTableNames() {
        let escaped = "a\"b\nc".replacingScalars { $0 == "\"" ? "&quot;" : $0 == "\n" ? "\\n" : nil }
        #expect(escaped == "a&quot;b\\nc")
    }

    @Test func seesAQuoteThatACombiningMarkFollows() {
        // One Character ("\"" + U+0301), two scalars: a reader of JSON or DOT sees the quote.
        #expect("\"\u{301}".replacingScalars { $0 == "\"" ? "\\\"" : nil } == "\\\"\u{301}")
    }

    @Test func leavesTextWithNothingToReplaceAsItIs() {
        let text = "Ünïcödé, emoji 🧭, CJK 帮助"
        #expect(text.replacingScalars { _ in nil } == text)
        #expect(Substring("").replacingScalars { _ in "x" } == "")
    }
}
