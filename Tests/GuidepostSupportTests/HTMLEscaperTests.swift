import GuidepostSupport
import Testing

@Suite struct HTMLEscaperTests {
    @Test func cmarksSetEscapesFourCharactersAndLeavesTheApostrophe() {
        #expect(HTMLEscaper.cmark.escape(#"<a href="x">Tom & Jerry's</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;")
    }

    @Test func theQuotesSetAlsoEscapesTheApostrophe() {
        #expect(HTMLEscaper.quotes.escape("Jerry's <b>") == "Jerry&#39;s &lt;b&gt;")
    }

    @Test func theSanitizersSetWritesNoBreakSpacesAsEntities() {
        #expect(HTMLEscaper.sanitizer.escape("a\u{A0}b & ©\u{A0}") == "a&nbsp;b &amp; ©&nbsp;")
        // C2 starts other characters too: only C2 A0 is the no-break space.
        #expect(HTMLEscaper.sanitizer.escape("© ¬ ¿ ²") == "© ¬ ¿ ²")
        #expect(HTMLEscaper.cmark.escape("a\u{A0}b") == "a\u{A0}b")
        #expect(HTMLEscaper.quotes.escape("'") == "&#39;")
        #expect(HTMLEscaper.sanitizer.escape("'") == "'")
    }

    @Test func aSpecialCharacterFollowedByACombiningMarkIsStillEscaped() {
        // One grapheme, but a browser reads the bare quote and would end the attribute.
        #expect(HTMLEscaper.quotes.escape("\"\u{301} onload=x") == "&quot;\u{301} onload=x")
    }

    @Test func appendingEscapesSubstringsAndLeavesPlainTextAsItIs() {
        var out = "<p>"
        let text = "x < y, ünï 😀 & z"
        HTMLEscaper.cmark.append(text.dropFirst(2), to: &out)
        HTMLEscaper.cmark.append(" plain", to: &out)
        #expect(out == "<p>&lt; y, ünï 😀 &amp; z plain")
    }

    @Test func textWithNothingToEscapeComesBackUnchanged() {
        let text = String(repeating: "nothing here, ünï 😀 ", count: 50)
        #expect(HTMLEscaper.quotes.escape(text) == text)
        #expect(HTMLEscaper.cmark.escape("") == "")
        #expect(HTMLEscaper.cmark.escape("&&") == "&amp;&amp;")
    }
}
