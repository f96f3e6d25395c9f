import Testing
@testable import GuidepostMarkdown

@Suite("Slugs and heading ids")
struct HeadingIDTests {
    @Test(arguments: [
        ("Before you start!", "before-you-start"),
        ("Café & Crème", "cafe-creme"),
        ("Безопасность аккаунта", "безопасность-аккаунта"),
        ("账户安全", "账户安全"),
        ("Straße über Ærø", "strasse-uber-aero"),
        ("  --Step 2: Verify--  ", "step-2-verify"),
        ("snake_case and CamelCase", "snake-case-and-camelcase"),
        ("Café written decomposed: Cafe\u{301}", "cafe-written-decomposed-cafe"),
        ("हिन्दी भाषा", "हिन्दी-भाषा"),
        ("Ёлка и йогурт", "ёлка-и-йогурт"),
    ])
    func slugs(_ text: String, _ expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test func symbolOnlyAndEmptyTextFallBack() {
        #expect(Slug.make("🎉") == "section")
        #expect(Slug.make("") == "section")
        #expect(Slug.make("!!! ???") == "section")
        #expect(Slug.make("🎉", fallback: "question") == "question")
    }

    @Test func headingsGetIdsFromTheirPlainText() {
        let document = MarkdownDocument.parse("""
        # Change *your* `phone` number

        ## Before you start!
        """)
        #expect(document.headings == [
            Heading(level: 1, text: "Change your phone number", id: "change-your-phone-number", line: 1),
            Heading(level: 2, text: "Before you start!", id: "before-you-start", line: 3),
        ])
    }

    @Test func duplicateHeadingsGetNumberedSuffixes() {
        let document = MarkdownDocument.parse("## Steps\n\n## Steps\n\n### Steps\n\n## 🎉\n\n## 🎉\n")
        #expect(document.headings.map(\.id) == ["steps", "steps-2", "steps-3", "section", "section-2"])
    }

    @Test func pinnedIdReplacesTheSlugAndLeavesTheText() {
        let document = MarkdownDocument.parse("## Before you start {#prepare}\n\n## Reset the *app* {#reset--app}\n")
        #expect(document.headings.map(\.id) == ["prepare", "reset--app"])
        #expect(document.headings.map(\.text) == ["Before you start", "Reset the app"])
        #expect(HTMLRenderer().render(document) == """
        <h2 id="prepare">Before you start</h2>
        <h2 id="reset--app">Reset the <em>app</em></h2>

        """)
    }

    @Test func pinnedIdCollidingWithAnEarlierIdGetsTheSuffix() {
        let document = MarkdownDocument.parse("## Prepare\n\n## Before you start {#prepare}\n\n## Intro {#x}\n\n## X\n")
        #expect(document.headings.map(\.id) == ["prepare", "prepare-2", "x", "x-2"])
    }

    @Test func pinMustBeTrailingAndWellFormed() {
        let document = MarkdownDocument.parse("## Use {#id} inline\n\n## No space{#glued}\n\n## Spaces {#two words}\n")
        #expect(document.headings.map(\.text) == ["Use {#id} inline", "No space", "Spaces {#two words}"])
        #expect(document.headings.map(\.id) == ["use-id-inline", "glued", "spaces-two-words"])
        // The malformed block shows as text, and says so at its brace.
        #expect(document.diagnostics.map(\.line) == [5])
        #expect(document.diagnostics.map(\.column) == [11])
    }

    @Test func nonASCIIHeadingsKeepTheirScript() {
        let document = MarkdownDocument.parse("## Безопасность аккаунта\n\n## 账户安全\n\n## Été à Zürich\n")
        #expect(document.headings.map(\.id) == ["безопасность-аккаунта", "账户安全", "ete-a-zurich"])
        #expect(HTMLRenderer().render(document).contains(#"<h2 id="безопасность-аккаунта">Безопасность аккаунта</h2>"#))
    }

    @Test func setextHeadingsAndNestedHeadingsAreCounted() {
        let document = MarkdownDocument.parse("Title\n=====\n\n> ## Quoted\n\n- ## In a list\n")
        #expect(document.headings.map(\.id) == ["title", "quoted", "in-a-list"])
        #expect(document.headings.map(\.line) == [1, 4, 6])
    }
}
