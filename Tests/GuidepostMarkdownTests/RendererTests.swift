import Testing
@testable import GuidepostMarkdown

@Suite("HTML rendering")
struct RendererTests {
    private func html(_ markdown: String, _ renderer: HTMLRenderer = HTMLRenderer()) -> String {
        renderer.render(MarkdownDocument.parse(markdown))
    }

    @Test func linksAndImagesGoThroughResolveLink() {
        let renderer = HTMLRenderer(resolveLink: { link in
            link.isImage ? "/img/\(link.destination)" : "/guides/\(link.index)/"
        })
        #expect(html("[a](x.md) ![Phone](p.png)", renderer)
            == #"<p><a href="/guides/0/">a</a> <img src="/img/p.png" alt="Phone" loading="lazy" /></p>"# + "\n")
    }

    @Test func resolvedURLsAreEscapedForTheAttribute() {
        let renderer = HTMLRenderer(resolveLink: { _ in "/a b/é?x=1&y='2'\"<>%20" })
        #expect(html("[a](x)", renderer)
            == #"<p><a href="/a%20b/%C3%A9?x=1&amp;y=&#x27;2&#x27;%22%3C%3E%20">a</a></p>"# + "\n")
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", " \u{1}javascript:alert(1)", "java\tscript:alert(1)",
        "vbscript:msgbox", "file:///etc/passwd", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/svg+xml,<svg>",
    ])
    func dangerousURLsAreBlanked(_ url: String) {
        let renderer = HTMLRenderer(resolveLink: { _ in url })
        #expect(html("[a](x) ![i](y)", renderer)
            == ##"<p><a href="#">a</a> <img src="#" alt="i" loading="lazy" /></p>"## + "\n")
    }

    @Test(arguments: ["data:image/png;base64,iVBOR", "data:image/jpeg;base64,/9j/", "https://javascript.example/", "/file:x"])
    func safeURLsAreKept(_ url: String) {
        let renderer = HTMLRenderer(resolveLink: { _ in url })
        #expect(!html("[a](x)", renderer).contains(##"href="#""##))
    }

    @Test(arguments: RawHTMLMode.allCases)
    func dangerousURLsAreRefusedWhateverTheRawHTMLMode(_ mode: RawHTMLMode) {
        let document = MarkdownDocument.parse("[a](javascript:go)", options: .init(rawHTML: mode))
        #expect(HTMLRenderer().render(document) == "<p><a href=\"#\">a</a></p>\n")
    }

    @Test func rawHTMLIsSanitizedTrustedOrOmitted() {
        let markdown = "<div class=\"x\">\n<script>alert(1)</script>\n</div>\n\nText <b onclick=\"x()\">bold</b>.\n"
        func html(_ mode: RawHTMLMode) -> String { HTMLRenderer().render(MarkdownDocument.parse(markdown, options: .init(rawHTML: mode))) }
        #expect(html(.sanitized) == "<div>\n\n</div>\n<p>Text <b>bold</b>.</p>\n")
        #expect(html(.none) == """
        <!-- raw HTML omitted -->
        <p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>

        """)
        #expect(html(.trusted) == """
        <div class="x">
        <script>alert(1)</script>
        </div>
        <p>Text <b onclick="x()">bold</b>.</p>

        """)
    }

    @Test func scriptInTextTitlesAndAltIsEscaped() {
        #expect(html(#"A \<script>alert(\"x\")\</script> & more"#)
            == "<p>A &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>\n")
        #expect(html(#"[a](u "<script>\"t\"") ![<script>x](i.png '<b>"alt"')"#)
            == #"<p><a href="u" title="&lt;script&gt;&quot;t&quot;">a</a> <img src="i.png" alt="&lt;script&gt;x" title="&lt;b&gt;&quot;alt&quot;" loading="lazy" /></p>"# + "\n")
        #expect(html("`<script>` and\n```\n<script>\n```\n")
            == "<p><code>&lt;script&gt;</code> and</p>\n<pre><code>&lt;script&gt;\n</code></pre>\n")
    }

    @Test func imageAltIsPlainText() {
        #expect(html("![A *fancy* `phone`\nshot](p.png \"Title\")")
            == #"<p><img src="p.png" alt="A fancy phone shot" title="Title" loading="lazy" /></p>"# + "\n")
    }

    @Test func escapingKeepsCombiningMarksIntact() {
        #expect(html("x&\u{301}y") == "<p>x&amp;\u{301}y</p>\n")
    }

    @Test func listsAreTightOrLooseLikeCmark() {
        #expect(html("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(html("- a\n\n- b\n") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        #expect(html("3. x\n4. y\n") == "<ol start=\"3\">\n<li>x</li>\n<li>y</li>\n</ol>\n")
        #expect(html("1. x\n") == "<ol>\n<li>x</li>\n</ol>\n")
    }

    @Test func codeBlocksCarryTheirLanguage() {
        #expect(html("```swift extra\nlet a = \"<b>\"\n```\n")
            == "<pre><code class=\"language-swift\">let a = &quot;&lt;b&gt;&quot;\n</code></pre>\n")
        #expect(html("    indented\n") == "<pre><code>indented\n</code></pre>\n")
        #expect(html("```c\u{A0}x\ty\nz\n```\n") == "<pre><code class=\"language-c\u{A0}x\">z\n</code></pre>\n")
    }

    @Test func omitLeadingTitleDropsOnlyALeadingLevelOneHeading() {
        let document = MarkdownDocument.parse("# Title\n\nBody.\n")
        #expect(HTMLRenderer(omitLeadingTitle: true).render(document) == "<p>Body.</p>\n")
        #expect(HTMLRenderer().render(document) == "<h1 id=\"title\">Title</h1>\n<p>Body.</p>\n")
        let notLeading = MarkdownDocument.parse("Intro.\n\n# Title\n")
        #expect(HTMLRenderer(omitLeadingTitle: true).render(notLeading).contains("<h1 id=\"title\">"))
        let levelTwo = MarkdownDocument.parse("## Sub\n")
        #expect(HTMLRenderer(omitLeadingTitle: true).render(levelTwo) == "<h2 id=\"sub\">Sub</h2>\n")
    }

    @Test func renderingBlocksOfASection() {
        let document = MarkdownDocument.parse("## Q {#q}\n\nAnswer *here*.\n")
        let section = document.sections(atLevel: 2).sections[0]
        #expect(HTMLRenderer().render(section.blocks) == "<p>Answer <em>here</em>.</p>\n")
    }
}
