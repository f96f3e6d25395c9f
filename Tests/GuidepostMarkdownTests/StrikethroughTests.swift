import Testing
@testable import GuidepostMarkdown

@Suite("GFM strikethrough")
struct StrikethroughTests {
    @Test func twoTildesStrikeThrough() {
        #expect(renderedHTML("Price ~~20~~ 10 euros\n") == "<p>Price <del>20</del> 10 euros</p>\n")
    }

    @Test func oneTildeStrikesThroughToo() {
        #expect(renderedHTML("a ~gone~ b\n") == "<p>a <del>gone</del> b</p>\n")
    }

    @Test func threeTildesAreLiteral() {
        #expect(renderedHTML("a ~~~not~~~ b\n") == "<p>a ~~~not~~~ b</p>\n")
    }

    @Test func openerAndCloserMustBeTheSameLength() {
        #expect(renderedHTML("a ~~half~ b\n") == "<p>a ~~half~ b</p>\n")
        #expect(renderedHTML("~one~~ and ~~two~~\n") == "<p>~one~~ and <del>two</del></p>\n")
    }

    @Test func flankingDecidesWhatOpensAndCloses() {
        #expect(renderedHTML("a ~~ spaced ~~ b\n") == "<p>a ~~ spaced ~~ b</p>\n")
        #expect(renderedHTML("x~~inside~~y\n") == "<p>x<del>inside</del>y</p>\n")
    }

    @Test func itNestsWithEmphasisAndLinks() {
        #expect(renderedHTML("~~**bold** and [link](u)~~\n") == "<p><del><strong>bold</strong> and <a href=\"u\">link</a></del></p>\n")
        #expect(renderedHTML("*~~both~~*\n") == "<p><em><del>both</del></em></p>\n")
    }

    @Test func codeSpansAreLeftAlone() {
        #expect(renderedHTML("`~~code~~` and ~~text~~\n") == "<p><code>~~code~~</code> and <del>text</del></p>\n")
    }

    @Test func itDoesNotCrossParagraphs() {
        #expect(renderedHTML("~~start\n\nend~~\n") == "<p>~~start</p>\n<p>end~~</p>\n")
    }

    @Test func itWorksAcrossALineBreakAndInHeadings() {
        #expect(renderedHTML("~~one\ntwo~~\n") == "<p><del>one\ntwo</del></p>\n")
        #expect(renderedHTML("## Old ~~name~~\n") == "<h2 id=\"old-name\">Old <del>name</del></h2>\n")
    }

    @Test func struckTextIsInThePlainText() {
        #expect(MarkdownDocument.parse("Keep ~~this~~ text\n").plainText == "Keep this text")
        #expect(MarkdownDocument.parse("~~Gone~~ still counts\n").summary == "Gone still counts")
    }

    @Test func aTildeAloneChangesNothing() {
        #expect(MarkdownDocument.parse("About ~5 minutes\n") == MarkdownDocument.parse("About ~5 minutes\n"))
        #expect(renderedHTML("About ~5 minutes, ~10 at most\n") == "<p>About ~5 minutes, ~10 at most</p>\n")
    }
}
