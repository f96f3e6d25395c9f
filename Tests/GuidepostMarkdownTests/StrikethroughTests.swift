import Testing
@testable import GuidepostMarkdown

@Suite("GFM strikethrough")
struct StrikethroughTests {
    private func html(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownDocument.parse(markdown))
    }

    @Test func twoTildesStrikeThrough() {
        #expect(html("Price ~~20~~ 10 euros\n") == "<p>Price <del>20</del> 10 euros</p>\n")
    }

    @Test func oneTildeStrikesThroughToo() {
        #expect(html("a ~gone~ b\n") == "<p>a <del>gone</del> b</p>\n")
    }

    @Test func threeTildesAreLiteral() {
        #expect(html("a ~~~not~~~ b\n") == "<p>a ~~~not~~~ b</p>\n")
    }

    @Test func openerAndCloserMustBeTheSameLength() {
        #expect(html("a ~~half~ b\n") == "<p>a ~~half~ b</p>\n")
        #expect(html("~one~~ and ~~two~~\n") == "<p>~one~~ and <del>two</del></p>\n")
    }

    @Test func flankingDecidesWhatOpensAndCloses() {
        #expect(html("a ~~ spaced ~~ b\n") == "<p>a ~~ spaced ~~ b</p>\n")
        #expect(html("x~~inside~~y\n") == "<p>x<del>inside</del>y</p>\n")
    }

    @Test func itNestsWithEmphasisAndLinks() {
        #expect(html("~~**bold** and [link](u)~~\n") == "<p><del><strong>bold</strong> and <a href=\"u\">link</a></del></p>\n")
        #expect(html("*~~both~~*\n") == "<p><em><del>both</del></em></p>\n")
    }

    @Test func codeSpansAreLeftAlone() {
        #expect(html("`~~code~~` and ~~text~~\n") == "<p><code>~~code~~</code> and <del>text</del></p>\n")
    }

    @Test func itDoesNotCrossParagraphs() {
        #expect(html("~~start\n\nend~~\n") == "<p>~~start</p>\n<p>end~~</p>\n")
    }

    @Test func itWorksAcrossALineBreakAndInHeadings() {
        #expect(html("~~one\ntwo~~\n") == "<p><del>one\ntwo</del></p>\n")
        #expect(html("## Old ~~name~~\n") == "<h2 id=\"old-name\">Old <del>name</del></h2>\n")
    }

    @Test func struckTextIsInThePlainText() {
        #expect(MarkdownDocument.parse("Keep ~~this~~ text\n").plainText == "Keep this text")
        #expect(MarkdownDocument.parse("~~Gone~~ still counts\n").summary == "Gone still counts")
    }

    @Test func aTildeAloneChangesNothing() {
        #expect(MarkdownDocument.parse("About ~5 minutes\n") == MarkdownDocument.parse("About ~5 minutes\n"))
        #expect(html("About ~5 minutes, ~10 at most\n") == "<p>About ~5 minutes, ~10 at most</p>\n")
    }
}
