@testable import GuidepostMarkdown

/// The page HTML of `markdown` with the default renderer.
func renderedHTML(_ markdown: String) -> String {
    HTMLRenderer().render(MarkdownDocument.parse(markdown))
}
