import Testing
import HTMLSanitizer

/// The sanitizer on its own: what the allowlist keeps, drops and reports, and that no input
/// gets markup past it that could run a script.
@Suite("HTML sanitizer")
struct HTMLSanitizerTests {
    struct Outcome {
        var html: String
        var findings: [String]
        var ids: [String]
        var urls: [URLReference]
    }

    /// Sanitizes `html`, all of it written by an author; URL slots are written as the URL.
    func sanitize(_ html: String, phrasing: Bool = false, policy: HTMLSanitizer.Policy = .sanitized,
                  taken: Set<String> = []) -> Outcome {
        var claimed = taken
        let input = HTMLSanitizer.Input(html: html, authored: [0..<html.utf8.count], phrasing: phrasing)
        let result = HTMLSanitizer.sanitize(input, policy: policy) { id in claimed.insert(id).inserted ? nil : "taken" }
        var out = ""
        var urls: [URLReference] = []
        for piece in result.pieces {
            switch piece {
            case .html(let text): out += text
            case .url(let reference):
                out += reference.url
                urls.append(reference)
            }
        }
        return Outcome(html: out, findings: result.findings.map(\.message), ids: result.ids, urls: urls)
    }

    @Test(arguments: [
        "<table><caption>C</caption><colgroup><col span=\"2\" /></colgroup><thead><tr><th scope=\"col\">H</th></tr></thead><tbody><tr><td colspan=\"2\" rowspan=\"3\">D</td></tr></tbody><tfoot><tr><td>F</td></tr></tfoot></table>",
        "<p>Press <kbd>Ctrl</kbd>+<kbd>S</kbd><br />x<sup>2</sup> H<sub>2</sub>O</p>",
        "<details open><summary>More</summary><p>Body</p></details>",
        "<dl><dt>Term</dt><dd>Definition</dd></dl>",
        "<h1>1</h1><h2>2</h2><h3>3</h3><h4>4</h4><h5>5</h5><h6>6</h6>",
        "<div><span><b>b</b> <i>i</i> <strong>s</strong> <em>e</em> <code>c</code> <s>s</s> <del>d</del> <ins>i</ins> <mark>m</mark> <small>s</small> <abbr title=\"t\">a</abbr> <q>q</q> <cite>c</cite></span></div>",
        "<ul><li>a</li></ul><ol start=\"3\" reversed><li value=\"5\">b</li></ol><blockquote><p>q</p></blockquote><hr /><pre>code</pre>",
        "<a href=\"https://example.com/\" title=\"T\" id=\"x\">link</a>",
    ])
    func keptHTMLComesOutAsWritten(_ html: String) {
        let outcome = sanitize(html)
        #expect(outcome.html == html)
        #expect(outcome.findings == [])
    }

    @Test(arguments: ["script", "style", "iframe", "object", "noscript", "template", "textarea", "select", "svg", "math", "title", "noembed"])
    func dangerousElementsGoWithTheirContent(_ name: String) {
        let outcome = sanitize("a<\(name)>alert(1)<b>x</b></\(name)>b")
        #expect(outcome.html == "ab")
        #expect(outcome.findings == ["`<\(name)>` was dropped with everything inside it"])
    }

    @Test func voidAndFormElementsGoTooAndOtherElementsKeepTheirText() {
        #expect(sanitize("<embed src=x.swf><input value=v><form action=x>Name</form><font color=red>red</font><center>c</center><my-widget>w</my-widget>").findings == [
            "`<embed>` was dropped with everything inside it",
            "`<input>` was dropped with everything inside it",
            "`<form>` was dropped; its text is kept",
            "`<font>` was dropped; its text is kept",
            "`<center>` was dropped; its text is kept",
            "`<my-widget>` was dropped; its text is kept",
        ])
        #expect(sanitize("<form>Name</form><font color=red>red</font><my-widget>w</my-widget>").html == "Nameredw")
    }

    @Test func eventHandlersStylesAndOtherAttributesAreDroppedEachWithAWarning() {
        let outcome = sanitize("<td align=left>x</td><span style=\"color:red\" class=\"c\" onclick=\"go()\" data-x=\"1\">y</span>")
        #expect(outcome.html == "x<span>y</span>")
        #expect(outcome.findings.count == 4)
        #expect(outcome.findings[0].contains("`style`") && outcome.findings[0].contains("Content-Security-Policy"))
        #expect(outcome.findings[2].contains("`onclick`") && outcome.findings[2].contains("event handlers"))
        let table = sanitize("<table><tr><th align=\"left\" width=\"3\">h</th></tr></table>")
        #expect(table.html == "<table><tbody><tr><th>h</th></tr></tbody></table>")
        #expect(table.findings.count == 2)
    }

    @Test func anImageKeepsItsSizeAndLoadsLazilyLikeAMarkdownImage() {
        let outcome = sanitize("<img src=\"p.png\" alt=\"A\" width=\"10\" height=\"20\" title=\"T\">")
        #expect(outcome.html == "<img src=\"p.png\" alt=\"A\" width=\"10\" height=\"20\" title=\"T\" loading=\"lazy\" />")
        #expect(outcome.findings == [])
    }

    @Test func anImageKeepsItsSourceLosesItsHandlerAndGetsAltText() {
        let outcome = sanitize("<img src=x onerror=alert(1)>")
        #expect(outcome.html == "<img src=\"x\" alt=\"\" loading=\"lazy\" />")
        #expect(outcome.findings == ["the attribute `onerror` of `<img>` was dropped: event handlers never run on this site"])
        #expect(outcome.urls.map(\.isImage) == [true])
        #expect(sanitize("<img alt=nothing>").html == "")
    }

    @Test(arguments: [
        "jAvAscript:alert(1)", " java&#x09;script:alert(1)", "&#106;avascript:alert(1)", "javascript&colon;alert(1)",
        "java\nscript:alert(1)", "\u{0C}javascript:alert(1)", " \u{20}javascript:alert(1)", "vbscript:msgbox(1)", "VBScript:x", "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd", "jav&#97;script:alert(1)", "javascript&#58;alert(1)",
    ])
    func linksThatCouldRunCodeLoseTheirHref(_ url: String) {
        let outcome = sanitize("<a href=\"\(url)\">x</a><img src=\"\(url)\">")
        #expect(outcome.html == "<a>x</a>")
        #expect(outcome.urls == [])
        #expect(outcome.findings.count == 2)
    }

    @Test(arguments: ["https://example.com/", "http://example.com/", "mailto:help@example.com", "other.md#part", "#anchor", "../up/", "/root.md", "?q=1", "",
                      "Q&amp;A:notes.png", "a b:c.md", "1x:y.png"])
    func linksLikeMarkdownLinksAreKeptForTheResolver(_ url: String) {
        let outcome = sanitize("<a href=\"\(url)\">x</a>")
        #expect(outcome.urls.map(\.url) == [url.replacing("&amp;", with: "&")])
        #expect(outcome.findings == [])
    }

    @Test func imagesMayBeDataURLsOfImageTypesOnly() {
        #expect(sanitize("<img src=\"data:image/png;base64,iVBOR\">").urls.count == 1)
        #expect(sanitize("<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">").html == "")
        #expect(sanitize("<a href=\"data:image/png;base64,iVBOR\">x</a>").urls == [])
    }

    @Test func commentsAndCDATAAreNotes() {
        let outcome = sanitize("a<!-- note --><![CDATA[<script>alert(1)</script>]]>b<!--><script>alert(1)</script>-->")
        // As in a browser: outside SVG, `<![CDATA[` opens a comment that ends at the first `>`.
        #expect(outcome.html == "aalert(1)]]&gt;b--&gt;")
        #expect(outcome.findings == ["`<script>` was dropped with everything inside it"])
    }

    @Test func textAndAttributesAreEscapedAsTheyAreWritten() {
        #expect(sanitize("&lt;script&gt; &amp; &quot; &nbsp;").html == "&lt;script&gt; &amp; &quot; &nbsp;")
        let attribute = sanitize("<abbr title='\"><script>alert(1)</script>'>x</abbr>")
        #expect(attribute.html == "<abbr title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">x</abbr>")
    }

    @Test func unclosedTagsAreClosedAndSaidSo() {
        let outcome = sanitize("<div><b>bold <i>both")
        #expect(outcome.html == "<div><b>bold <i>both</i></b></div>")
        #expect(outcome.findings.count == 3)
        #expect(outcome.findings[0] == "`<div>` has no `</div>` in its HTML block and ends where the block ends")
        #expect(sanitize("<ul><li>a<li>b</ul><p>p").findings == [], "optional end tags are not missing")
        #expect(sanitize("</details>\n").findings == ["`</details>` closes nothing in its HTML block and was dropped"])
    }

    @Test func nestedTablesAndUppercaseTagsAreParsedAsHTML5Does() {
        let outcome = sanitize("<TABLE><TR><TD><Table><tr><TD>in</td></tr></TABLE></TD></TR></table>")
        #expect(outcome.html == "<table><tbody><tr><td><table><tbody><tr><td>in</td></tr></tbody></table></td></tr></tbody></table>")
        #expect(outcome.findings == [])
        // Text inside a table but outside its cells goes before the table, as in a browser.
        #expect(sanitize("<table>lost?<tr><td>x</td></tr></table>").html.hasPrefix("lost?<table>"))
    }

    @Test func attributesWithoutValuesAndInvalidValues() {
        #expect(sanitize("<details open><summary>s</summary></details>").html == "<details open><summary>s</summary></details>")
        let outcome = sanitize("<table><tr><td colspan rowspan=\"x\">c</td></tr></table>")
        #expect(outcome.html == "<table><tbody><tr><td>c</td></tr></tbody></table>")
        #expect(outcome.findings.count == 2)
    }

    @Test func inAParagraphOnlyPhrasingElementsStand() {
        let outcome = sanitize("a <div>b <table><tr><td>c</td></tr></table></div> <kbd>k</kbd>", phrasing: true)
        #expect(outcome.html == "a b c <kbd>k</kbd>")
        #expect(outcome.findings == ["`<div>` cannot stand inside a paragraph or heading, so only its text is kept"])
        #expect(sanitize("x</p>y", phrasing: true).html == "xy")
    }

    @Test func idsAreKeptOnceAndNameBecomesAnID() {
        let outcome = sanitize("<a name=\"old\"></a><span id=\"x\">1</span><span id=\"x\">2</span><a id=\"a b\"></a><h2 id=\"taken\">t</h2>", taken: ["taken"])
        #expect(outcome.html == "<a id=\"old\"></a><span id=\"x\">1</span><span>2</span><a></a><h2>t</h2>")
        #expect(outcome.ids == ["old", "x"])
        #expect(outcome.findings.count == 3)
    }

    @Test func aNewlineAfterPreSurvives() {
        #expect(sanitize("<pre>\n\nx</pre>").html == "<pre>\n\nx</pre>")
    }

    @Test func trustedKeepsEverythingButLinksThatRunCode() {
        let outcome = sanitize("<b onclick=\"x()\" class=c>b</b><script>if (a < b) go()</script><a href=\"javascript:x\">l</a>", policy: .trusted)
        #expect(outcome.html == "<b onclick=\"x()\" class=\"c\">b</b><script>if (a < b) go()</script><a>l</a>")
        #expect(outcome.findings == ["the `href` of `<a>` was dropped: `javascript:` links may run code or open local files"])
    }

    @Test func nestingPastTheLimitIsCutNotACrash() {
        let outcome = sanitize(String(repeating: "<span>", count: 500) + "deep")
        #expect(outcome.findings.contains { $0.contains("nested more than") })
        #expect(!outcome.html.contains("deep"))
        // Deeper still, the parser would take minutes (its time grows with the square of the
        // depth): such HTML is not parsed at all.
        let huge = sanitize(String(repeating: "<div>", count: 200_000) + "deep")
        #expect(huge.findings == ["this HTML was dropped: it leaves more than 1000 elements open at once"])
        #expect(huge.html == "")
        // Void elements and closed ones do not add up.
        #expect(sanitize(String(repeating: "<br><b>x</b>", count: 5000)).findings == [])
    }

    @Test func generatedMarkupIsTrustedAndItsURLsAreSlots() {
        let raw = "<kbd>k</kbd>"
        let html = "<em>x</em> <a href=\"3\" title=\"t\">l</a> " + raw + " <a href=\"4\">raw</a>"
        let start = html.utf8.count - raw.utf8.count - " <a href=\"4\">raw</a>".utf8.count
        let authored = [start..<html.utf8.count]
        let result = HTMLSanitizer.sanitize(.init(html: html, authored: authored, phrasing: true), policy: .sanitized) { _ in nil }
        let urls = result.pieces.compactMap { if case .url(let reference) = $0 { reference } else { nil } }
        #expect(urls.map(\.slot) == [3, nil])
        #expect(urls.last?.url == "4")
        #expect(result.text == "x l k raw")
    }
}
