import Testing
@testable import GuidepostMarkdown

@Suite struct VideoEmbedTests {
    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=4", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://vimeo.com/76979871/abc123", "https://player.vimeo.com/video/76979871?h=abc123"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
    ])
    func knownAddressesBecomeTheirPlayer(address: String, player: String) {
        let document = MarkdownDocument.parse("```video\n\(address)\nA title\n```\n")
        #expect(document.videos.map(\.embedURL) == [player])
        #expect(document.errors.isEmpty)
    }

    @Test func theBlockRendersAPlaceholderLinkWithItsTitle() {
        let html = HTMLRenderer().render(MarkdownDocument.parse("Intro.\n\n```video\nhttps://youtu.be/dQw4w9WgXcQ\nReset \"it\" <now>\n```\n"))
        #expect(html.contains("""
            <figure class="video" data-video-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" data-video-title="Reset &quot;it&quot; &lt;now&gt;">
            <a class="video-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><span class="video-title">Reset &quot;it&quot; &lt;now&gt;</span> <span class="video-action">Watch on YouTube</span></a>
            </figure>
            """))
        #expect(!html.contains("<iframe"))
    }

    @Test(arguments: [
        ("```video\nhttps://example.com/clip.mp4\nTitle\n```\n", 2, "is not a YouTube or Vimeo video address"),
        ("```video\nhttps://youtu.be/dQw4w9WgXcQ\n```\n", 1, "has no title"),
        ("Text.\n\n```video\n```\n", 3, "is empty"),
        ("```video\nhttps://youtu.be/short\nTitle\n```\n", 2, "is not a YouTube or Vimeo"),
        ("```video\njavascript:alert(1)\nTitle\n```\n", 2, "is not a YouTube or Vimeo"),
    ])
    func aBlockThatNamesNoVideoIsAnErrorAtItsLineAndShownAsCode(source: String, line: Int, message: String) {
        let document = MarkdownDocument.parse(source)
        #expect(document.videos.isEmpty)
        #expect(document.errors.map(\.line) == [line])
        #expect(document.errors.first?.message.contains(message) == true)
        #expect(HTMLRenderer().render(document).contains("<pre><code class=\"language-video\">"))
    }

    @Test func theTitleIsSearchableText() {
        #expect(MarkdownDocument.parse("```video\nhttps://vimeo.com/1\nOur tour\n```\n").plainText.contains("Our tour"))
    }
}
