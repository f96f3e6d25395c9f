import Testing
@testable import GuidepostMarkdown

@Suite("GFM extended autolinks")
struct AutolinkTests {
    @Test func bareURLsBecomeLinks() {
        #expect(renderedHTML("See https://example.com/help now\n") == "<p>See <a href=\"https://example.com/help\">https://example.com/help</a> now</p>\n")
        #expect(renderedHTML("Old http://example.org\n") == "<p>Old <a href=\"http://example.org\">http://example.org</a></p>\n")
    }

    @Test func wwwGetsHTTP() {
        #expect(renderedHTML("Go to www.example.com.\n") == "<p>Go to <a href=\"http://www.example.com\">www.example.com</a>.</p>\n")
    }

    @Test func trailingPunctuationIsLeftOut() {
        #expect(renderedHTML("Is it https://example.com/a?\n").contains("href=\"https://example.com/a\""))
        #expect(renderedHTML("Yes: https://example.com/a, really!\n").contains("href=\"https://example.com/a\""))
        #expect(renderedHTML("Ends https://example.com/x_.\n").contains("href=\"https://example.com/x\""))
    }

    @Test func parenthesesMustBalance() {
        #expect(renderedHTML("(see https://example.com/a_(b))\n").contains("href=\"https://example.com/a_(b)\">"))
        #expect(renderedHTML("(see https://example.com/a)\n").contains("href=\"https://example.com/a\">"))
        #expect(renderedHTML("www.example.com/a)b)\n").contains("href=\"http://www.example.com/a)b\">"))
    }

    @Test func anEntityLikeEndIsLeftOut() {
        #expect(renderedHTML("https://example.com/q&amp;\n").contains("href=\"https://example.com/q&amp;\""))
        #expect(renderedHTML("https://example.com/q&hl;\n").contains("href=\"https://example.com/q\">"))
    }

    @Test func aDomainNeedsADotAndNoUnderscoreAtTheEnd() {
        #expect(!renderedHTML("www. no domain\n").contains("<a"))
        #expect(!renderedHTML("www.under_score.com\n").contains("<a"))
        #expect(renderedHTML("www.a_b.example.com\n").contains("<a"))
    }

    @Test func linksStartAtALineStartOrAfterSpaceOrDelimiters() {
        #expect(!renderedHTML("xwww.example.com\n").contains("<a"))
        #expect(renderedHTML("*www.example.com*\n").contains("<em><a href=\"http://www.example.com\">"))
        #expect(renderedHTML("(www.example.com)\n").contains("(<a href=\"http://www.example.com\">www.example.com</a>)"))
    }

    @Test func theLinkEndsAtALessThanSign() {
        #expect(renderedHTML("https://example.com/a<b\n").contains("href=\"https://example.com/a\""))
    }

    @Test func emailAddresses() {
        #expect(renderedHTML("Write to help.desk+uk@example.co.uk.\n")
            == "<p>Write to <a href=\"mailto:help.desk+uk@example.co.uk\">help.desk+uk@example.co.uk</a>.</p>\n")
        #expect(!renderedHTML("not@mail\n").contains("<a"))
        #expect(!renderedHTML("me@host.zone- me@host.zone_\n").contains("<a"))
    }

    @Test func notInsideLinksOrCode() {
        #expect(renderedHTML("[www.example.com](https://other.example)\n") == "<p><a href=\"https://other.example\">www.example.com</a></p>\n")
        #expect(renderedHTML("`https://example.com`\n") == "<p><code>https://example.com</code></p>\n")
        #expect(renderedHTML("<https://example.com>\n") == "<p><a href=\"https://example.com\">https://example.com</a></p>\n")
    }

    @Test func underscoresAndDashesInThePathAreKept() {
        // cmark splits text at `_`, `-` and `.`; the link is made of the whole run.
        #expect(renderedHTML("https://example.com/my_page-one.html\n").contains("href=\"https://example.com/my_page-one.html\""))
        #expect(renderedHTML("https://example.com/a--b\n").contains("href=\"https://example.com/a--b\">https://example.com/a--b</a>"))
    }

    @Test func autolinksAreDocumentLinksInOrderWithPositions() {
        let document = MarkdownDocument.parse("First [one](a.md) then www.example.com/x and\n  é https://b.example [two](b.md)\n")
        #expect(document.links.map(\.destination) == ["a.md", "http://www.example.com/x", "https://b.example", "b.md"])
        #expect(document.links.map(\.index) == [0, 1, 2, 3])
        #expect(document.links.map(\.line) == [1, 1, 2, 2])
        #expect(document.links.map(\.column) == [7, 24, 5, 23])
        let rendered = HTMLRenderer(resolveLink: { "/r/\($0.index)" }).render(document)
        #expect(rendered.contains("<a href=\"/r/1\">www.example.com/x</a>"))
        #expect(rendered.contains("<a href=\"/r/3\">two</a>"))
    }

    @Test func autolinksInHeadingsAndNestedEmphasis() {
        let document = MarkdownDocument.parse("# Visit www.example.com\n\n**see https://x.example/y**\n")
        #expect(document.links.map(\.destination) == ["http://www.example.com", "https://x.example/y"])
        #expect(document.links.map(\.line) == [1, 3])
        #expect(document.links.map(\.column) == [9, 7])
    }
}
