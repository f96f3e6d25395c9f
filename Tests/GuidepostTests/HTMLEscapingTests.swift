import Foundation
import Mustache
import Testing
@testable import Guidepost

/// Guidepost's byte-wise HTML escaping (`HTMLEscapingContentType`) against swift-mustache's own.
@Suite struct HTMLEscapingTests {
    /// Renders `{{x}}` with the library's default HTML escaping: a template without the pragma.
    static func libraryEscaped(_ value: String) throws -> String {
        try MustacheTemplate(string: "{{x}}").render(["x": value])
    }

    /// Renders `{{x}}` the way Guidepost parses templates.
    static func guidepostEscaped(_ value: String) throws -> String {
        try HTMLEscapingContentType.parse("{{x}}").render(["x": value])
    }

    /// Values whose graphemes never start with `& < > " '` plus something more, so the library's
    /// Character-wise escaping and the byte-wise one must agree exactly.
    static let values: [String] = {
        var values = [
            "", " ", "plain ascii text", "<", ">", "&", "\"", "'", "<>&\"'", "'\"&><",
            "a<b>c&d\"e'f", "<<<>>>&&&", "&amp; &lt; already escaped", "<script>alert('x')</script>",
            "title=\"x\" onload='y'", "x\ny\r\nz\t<\r\n>", "\u{0}<\u{0}", "ünïcødé <b>gras</b> — “quotes” ‘single’",
            "日本語 & 中文 <テスト>", "Ελληνικά 'α' & \"β\"", "emoji 😀 & 👩‍👩‍👧 <3 🇫🇷'🇩🇪\"",
            "é precomposed & e\u{301} decomposed after a letter <ok>", "𝒳 < 𝒴 > 𝒵", "\u{FEFF}<bom>",
            "café&crème", "ends with <", "> starts", "a&", "&b",
            String(repeating: "long plain text without specials ", count: 2_000),
            String(repeating: "<p class=\"x\">Tom & Jerry's</p> ünï 😀 ", count: 2_000),
            String(repeating: "&", count: 10_000),
            String(repeating: "ü", count: 10_000) + "<",
        ]
        // Pseudo-random mixes of whole pieces, none a combining mark, joiner or prepended mark.
        let pieces = ["a", "Z", "0", " ", "\n", "<", ">", "&", "\"", "'", ";", "#", "é", "ß", "€", "日", "😀",
                      "👍🏽", "🇫🇷", "𝄞", "\r\n", "\t", "=", "/"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for length in [1, 2, 3, 5, 8, 13, 64, 200, 1_000] {
            for _ in 0..<20 {
                var text = ""
                for _ in 0..<length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    text += pieces[Int(state >> 33) % pieces.count]
                }
                values.append(text)
            }
        }
        return values
    }()

    @Test(arguments: values)
    func escapingMatchesTheLibrary(_ value: String) throws {
        let library = try Self.libraryEscaped(value)
        #expect(try Self.guidepostEscaped(value) == library)
        #expect(HTMLEscapingContentType.escape(value) == library)
    }

    @Test func textWithoutSpecialCharactersIsReturnedAsItIs() {
        let text = String(repeating: "nothing to escape here, ünï 😀 ", count: 100)
        let escaped = HTMLEscapingContentType.escape(text)
        #expect(escaped == text)
        // The same storage: no copy was made.
        let same = text.utf8.withContiguousStorageIfAvailable { original in
            escaped.utf8.withContiguousStorageIfAvailable { $0.baseAddress == original.baseAddress }
        }
        #expect(same == true)
    }

    /// The library compares whole Characters, so `<` followed by a combining mark (one grapheme)
    /// passes through unescaped there; bytes are escaped whatever follows them.
    @Test func aSpecialCharacterStartingALargerGraphemeIsEscaped() throws {
        let value = "<\u{0338}script>"
        #expect(try Self.libraryEscaped(value) == "<\u{0338}script&gt;")
        #expect(try Self.guidepostEscaped(value) == "&lt;\u{0338}script&gt;")

        // In an attribute, the library's gap would let a value close the quotes.
        let attribute = "\"\u{0301} onmouseover=alert(1) x='\u{0301}"
        #expect(try Self.libraryEscaped(attribute) == attribute)
        #expect(try Self.guidepostEscaped(attribute) == "&quot;\u{0301} onmouseover=alert(1) x=&#39;\u{0301}")
        // `&` before a zero-width joiner, `>` before a variation selector.
        #expect(try Self.guidepostEscaped("&\u{200D}>\u{FE0F}") == "&amp;\u{200D}&gt;\u{FE0F}")
    }

    /// A theme as Guidepost loads it: every template and partial escapes byte-wise, and the
    /// pragma line put in front of each leaves no trace in the output.
    static func loadTheme(_ templates: [String: String]) throws -> Theme {
        var tree: [String: String] = [:]
        for (name, text) in templates { tree["templates/\(name).mustache"] = text }
        for name in Theme.pageTemplates where tree["templates/\(name).mustache"] == nil {
            tree["templates/\(name).mustache"] = name
        }
        return try ThemeLoader(fileSystem: InMemoryFileSystem(tree), templatesRoot: "templates", overridesRoot: nil)
            .load(base: .default)
    }

    /// Fails if any template or partial is parsed without the pragma: the combining-mark value
    /// is escaped only by Guidepost's content type.
    @Test func everyTemplateAndPartialOfAThemeEscapesWithGuidepostsContentType() throws {
        let theme = try Self.loadTheme([
            "page": "{{x}}|{{#list}}{{.}}{{/list}}|{{> partials/one}}|{{> partials/two}}\n",
            "partials/one": "one:{{x}}",
            "partials/two": "two:{{#list}}{{> partials/one}}{{/list}}",
            "parent": "[{{$block}}default {{x}}{{/block}}]",
            "child": "{{<parent}}{{$block}}child {{x}}{{/block}}{{/parent}}",
        ])
        let x = "<\u{0338}"
        let escaped = "&lt;\u{0338}"
        let rendered = theme.library.render(["x": x, "list": [x]], withTemplate: "page")
        #expect(rendered == "\(escaped)|\(escaped)|one:\(escaped)|two:one:\(escaped)\n")
        #expect(theme.library.render(["x": x], withTemplate: "parent") == "[default \(escaped)]")
        #expect(theme.library.render(["x": x], withTemplate: "child") == "[child \(escaped)]")
    }

    @Test func thePragmaLineLeavesNoTraceInTheOutput() throws {
        let texts = [
            "", "\n", "text", "text\n", "\n\nblank lines first\n", "  indented\n", "{{x}}\n",
            "{{#list}}\n  {{.}}\n{{/list}}\n", "{{! a comment }}\nafter\n", "  {{> partials/p}}\nend",
            "{{=<% %>=}}\n<% x %>\n", "\r\nwindows\r\n",
        ]
        for text in texts {
            let theme = try Self.loadTheme(["page": text, "partials/p": "{{#list}}\n- {{.}}\n{{/list}}\n"])
            var library = MustacheLibrary()
            library.register(try MustacheTemplate(string: text), named: "page")
            library.register(try MustacheTemplate(string: "{{#list}}\n- {{.}}\n{{/list}}\n"), named: "partials/p")
            let context: [String: Any] = ["x": "plain", "list": ["one", "two"]]
            #expect(theme.library.render(context, withTemplate: "page") == library.render(context, withTemplate: "page"),
                    "\(text.debugDescription)")
        }
    }

    /// A theme author's own pragma comes after Guidepost's, so it still decides.
    @Test func aThemesOwnContentTypeStillWins() throws {
        let theme = try Self.loadTheme([
            "page": "{{% CONTENT_TYPE: TEXT}}\n{{x}}|{{> partials/p}}",
            "partials/p": "{{x}}",
        ])
        #expect(theme.library.render(["x": "<a & 'b'>"], withTemplate: "page") == "<a & 'b'>|&lt;a &amp; &#39;b&#39;&gt;")
    }
}
