import Foundation
import Testing
@testable import Guidepost
import GuidepostMarkdown

/// Author text reaches the terminal in errors and warnings; none of it may drive the terminal.
@Suite struct TerminalSafetyTests {
    @Test func controlCharactersAreShownNotSent() {
        #expect(TerminalText.escaped("a\u{1B}]0;owned\u{7}b") == "a\\u{1B}]0;owned\\u{7}b")
        #expect(TerminalText.escaped("\u{9B}2J\u{0}\r\u{7F}\u{202E}") == "\\u{9B}2J\\u{0}\\u{D}\\u{7F}\\u{202E}")
        // Layout and ordinary text stay as they are.
        #expect(TerminalText.escaped("line\n\tcafé 账户 🎉") == "line\n\tcafé 账户 🎉")
    }

    @Test func aFileNameThatWouldRetitleTheTerminalIsEscapedInBuildErrors() throws {
        let cli = CLITests()
        let name = "evil\u{1B}]0;owned\u{7}.md"
        let root = try cli.project([name: guideFile("A", body: "[x](gone.md)")])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try cli.sitegen([], in: root)
        #expect(run.status == 1)
        #expect(!run.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains("content/evil\\u{1B}]0;owned\\u{7}.md:4:1: error: the link `gone.md`"), "\(run.stderr)")
    }
}

/// YAML escapes and raw bytes must not put NUL, ESC or BEL into a page; each is removed with a
/// warning at the line that held it.
@Suite struct ControlCharacterTests {
    @Test func yamlEscapesAndMarkdownBytesAreRemovedWithAWarningAtTheirLine() throws {
        let files = ["a.md": "---\ntitle: \"Ti\\0tle\"\nsummary: \"ring \\a\\e[31m\"\ntags: [\"x\\x1b\"]\n---\nBody \u{1B}[2J with \u{7}bell.\n\nSecond\u{85}line.\n"]
        let site = try generate(files)
        let page = try #require(site.text("guides/a/index.html"))
        #expect(!page.unicodeScalars.contains { ControlCharacters.isControl($0) }, "\(page.debugDescription)")
        #expect(page.contains("Title"))
        #expect(page.contains("Body [2J with bell."))

        let report = check(files)
        let lines = report.findings.filter { $0.message.contains("control character") }.map(\.line)
        #expect(lines == [2, 3, 4, 6, 8], "\(report.text)")
        #expect(report.findings.allSatisfy { $0.severity == .warning })
    }
}
