import Testing
@testable import GuidepostMarkdown

@Suite("GFM task lists")
struct TaskListTests {
    @Test func markersBecomeDisabledLabelledCheckboxes() {
        #expect(renderedHTML("- [ ] Open the app\n- [x] Sign in\n- [X] Done too\n") == """
            <ul>
            <li class="task"><input type="checkbox" disabled="" aria-label="Not done" /> Open the app</li>
            <li class="task"><input type="checkbox" disabled="" checked="" aria-label="Done" /> Sign in</li>
            <li class="task"><input type="checkbox" disabled="" checked="" aria-label="Done" /> Done too</li>
            </ul>

            """)
    }

    @Test func orderedAndLooseListsToo() {
        #expect(renderedHTML("1. [x] first\n2. plain\n").contains("<li class=\"task\"><input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"Done\" /> first</li>\n<li>plain</li>"))
        #expect(renderedHTML("- [ ] loose\n\n- [x] list\n").contains("<li class=\"task\">\n<p><input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> loose</p>"))
    }

    @Test func theMarkerNeedsSpaceAfterIt() {
        #expect(renderedHTML("- [x]done\n") == "<ul>\n<li>[x]done</li>\n</ul>\n")
        #expect(renderedHTML("- [y] no\n") == "<ul>\n<li>[y] no</li>\n</ul>\n")
        #expect(renderedHTML("- [ ]\n") == "<ul>\n<li>[ ]</li>\n</ul>\n")
    }

    @Test func onlyAtTheStartOfAListItem() {
        #expect(renderedHTML("[x] not in a list\n") == "<p>[x] not in a list</p>\n")
        #expect(renderedHTML("- text [x] later\n") == "<ul>\n<li>text [x] later</li>\n</ul>\n")
    }

    @Test func theRestOfTheItemKeepsItsInlines() {
        #expect(renderedHTML("- [ ] read [the guide](g.md) *first*\n")
            == "<ul>\n<li class=\"task\"><input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> read <a href=\"g.md\">the guide</a> <em>first</em></li>\n</ul>\n")
        #expect(MarkdownDocument.parse("- [x] buy milk\n").plainText == "buy milk")
    }
}
