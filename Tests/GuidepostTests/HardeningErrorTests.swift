import Foundation
import Testing
@testable import Guidepost

/// Issue #17's error findings: every error reads `file:line:col: error: …` in the project's own
/// words, and links that would run code or leave the site are refused everywhere.
@Suite struct HardeningErrorTests {
    @Test func aYAMLSyntaxErrorNamesLineAndColumnInPlainWords() throws {
        let errors = buildErrors(["site.yml": "title: X\nsupport:\n  url: /a\n @bad\n", "a.md": guideFile("A")])
        let error = try #require(errors.first)
        #expect(error.file == "content/site.yml")
        #expect(error.line == 4 && error.column != nil)
        #expect(error.description.hasPrefix("content/site.yml:4:\(error.column ?? 0): error: the YAML could not be read: "))
        #expect(!error.message.contains("error:") && !error.message.contains("scanner") && !error.message.contains("parser"),
                "\(error.message)")
    }

    @Test func aControlCharacterInYAMLIsReportedAtItsLineAndColumn() throws {
        let errors = buildErrors(["a.md": "---\ntitle: A\nsummary: x\u{1}y\n---\nBody\n"])
        let error = try #require(errors.first)
        #expect(error.description.hasPrefix("content/a.md:3:11: error: the YAML could not be read: a control character (U+0001)"),
                "\(error.description)")
    }

    @Test func frontMatterErrorsCountLinesInTheFile() throws {
        let errors = buildErrors(["a.md": "---\ntitle: Fine\ntags: [one, two\norder: 3\n---\nBody\n"])
        let error = try #require(errors.first)
        #expect(error.line != nil && error.column != nil)
        #expect(error.message.contains("`[…]` list"), "\(error.message)")
    }

    /// The first ones were the browser's hostile corpus, which only checked that they did nothing.
    @Test(arguments: [false, true], ["javascript:window.__pwned='link.javascript'", "JaVaScRiPt:x", "&#106;avascript:x",
                                    "vbscript:msgbox(\"pwned\")", "data:text/html;base64,PHNjcmlwdD4=",
                                    "<data:text/html,%3Cscript%3E>", "file:///etc/passwd", "data:image/png;base64,AAAA"])
    func activeLinksAreRefusedInEveryMode(rawHTML: Bool, destination: String) throws {
        let site = rawHTML ? "markdown:\n  rawHTML: true\n" : "title: X\n"
        let errors = buildErrors(["site.yml": site, "a.md": guideFile("A", body: "Text.\n\nSee [x](\(destination)).")])
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.kind == .brokenLink)
        #expect(error.description.hasPrefix("content/a.md:6:5: error: the link"), "\(error.description)")
        #expect(error.hint?.contains("`javascript:`") == true)
    }

    @Test(arguments: ["<javascript:x>", "[ref][evil]\n\n[evil]: javascript:x", "![img](javascript:x)",
                      "![svg](data:image/svg+xml;base64,PHN2Zz4=)"])
    func activeAutolinksReferencesAndImagesAreRefused(_ markdown: String) throws {
        let errors = buildErrors(["a.md": guideFile("A", body: markdown)])
        #expect(errors.map(\.kind) == [.brokenLink])
        #expect(errors.first?.line == 4)
    }

    @Test(arguments: ["//evil.example/x", "/\\evil.example/x"])
    func aProtocolRelativeSupportURLIsNotAPathOnThisSite(_ url: String) {
        let errors = buildErrors(["site.yml": "support:\n  title: Help\n  url: \"\(url.replacingOccurrences(of: "\\", with: "\\\\"))\"\n", "a.md": guideFile("A")])
        #expect(errors.map(\.kind) == [.config])
        #expect(errors.first?.line == 3)
    }

    @Test func aProtocolRelativeLinkIsExternal() throws {
        let site = try generate(["a.md": guideFile("A", body: "[x](//example.com/x)")])
        #expect(site.text("guides/a/index.html")?.contains("//example.com/x") == true)
    }
}
