import CCmark
import Testing
@testable import GuidepostMarkdown

/// Our renderer must produce what cmark's own renderer does, apart from the additions
/// (heading ids, `loading="lazy"`) which are stripped before comparing.
@Suite("Same HTML as cmark_render_html")
struct CmarkEquivalenceTests {
    static let documents: [String] = [
        """
        # Heading with *emphasis* and `code`

        A paragraph with **strong**, _emphasis_, ***both***, `code <b>`, and an
        [inline link](https://example.com/a?b=1&c=2 "A title") plus ![an *image*](img/pic.png).
        Autolink <https://example.com/x> and mail <me@example.com>.
        Entities: &copy; &amp; &#35; &lt;tag&gt; and escapes \\*not emphasis\\*.
        Hard break with spaces  
        and with a backslash\\
        done. "Smart quotes" -- dashes --- and ellipses...

        Setext heading
        --------------

        - tight one
        - tight two
          - nested *a*
          - nested b
        - tight three

        1. loose

        2. list

           continued paragraph

        7. starts at seven
        8. eight

        > A quote with a [reference link][ref].
        >
        > > Nested quote.
        >
        > - list in quote

        ```swift title="x"
        let x = "<tag>" && y
        ```

            indented code
            block

        ***

        Line one
        line two with <span>inline html</span> and <!-- a comment -->.

        <div>
        *raw block*
        </div>

        [ref]: https://example.com/ref "Ref title"
        """,
        """
        Links with odd URLs: [space](<a b.md>), [unicode](/café/ü), [percent](/a%20b),
        [quote](/it's), [brackets](/a\\[b\\]), [query](?q=a+b&x="y"), [empty]().

        * star list

          with loose paragraph
        * second

        -
        - after an empty item

        Text with trailing spaces at end of paragraph.   

        | not | a | table |
        | --- | - |

        ~~~
        tilde fence without info
        ~~~

        ```
        ```

        ## Heading with [link](x.md) ##

        Image with title ![alt "q"](a.png 'T&"') and nested ![outer ![inner](i.png)](o.png).
        """,
        "",
        "Just text without a trailing newline",
        "\t\ttabs\n\n>\tquote with tab\n\n-\titem with tab\n",
        "```c\u{A0}x\ty\nz\n```\n\n- [x](a)\n\n  b\n- > q\n",
    ]

    private static func cmarkHTML(_ markdown: String, unsafe: Bool) -> String {
        var options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        if unsafe { options |= CMARK_OPT_UNSAFE }
        let utf8 = Array(markdown.utf8)
        let rendered = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                "".withCString { empty in cmark_markdown_to_html(chars.baseAddress ?? empty, chars.count, options) }
            }
        }
        guard let rendered else { return "<cmark failed>" }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        return String(cString: rendered)
    }

    private static func withoutAdditions(_ html: String) -> String {
        html.replacing(#/<h([1-6]) id="[^"]*">/#) { "<h\($0.output.1)>" }
            .replacing(#" loading="lazy""#, with: "")
    }

    @Test(arguments: documents.indices)
    func safeOutputMatchesCmark(_ index: Int) {
        let markdown = Self.documents[index]
        // With raw HTML dropped, as cmark's safe mode drops it; kept HTML is re-serialized by the sanitizer.
        let ours = HTMLRenderer().render(MarkdownDocument.parse(markdown, options: .init(rawHTML: .none)))
        #expect(Self.withoutAdditions(ours) == Self.cmarkHTML(markdown, unsafe: false))
    }

    @Test func additionsAreReallyThere() {
        let ours = HTMLRenderer().render(MarkdownDocument.parse(Self.documents[0]))
        #expect(ours.contains(#"<h1 id="heading-with-emphasis-and-code">"#))
        #expect(ours.contains(#"<h2 id="setext-heading">"#))
        #expect(ours.contains(#"<img src="img/pic.png" alt="an image" loading="lazy" />"#))
    }
}
