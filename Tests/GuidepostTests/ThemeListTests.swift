import Foundation
import Testing
@testable import Guidepost

/// The shipped theme's lists: an item that lacks a value shows nothing for it, never another
/// item's. Mustache looks a missing key up in the enclosing objects, so a guard that puts a
/// list's first item on the stack (`{{#first(list)}}`) made every later topic without a
/// description show the first one's, and every guide without a summary the first guide's.
@Suite struct ThemeListTests {
    private func build() throws -> SiteOutput {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var files: [String: String] = [
            "site.yml": "title: Help\ncategories:\n  - name: Described\n    description: FIRST-DESCRIPTION\n  - name: Plain\n",
        ]
        files["Described/a.md"] = guideFile("A", extra: "summary: FIRST-SUMMARY\norder: 1\ntags: [x]\n")
        files["Described/b.md"] = guideFile("B", extra: "order: 2\ntags: [x]\n")
        files["Plain/c.md"] = guideFile("C")
        for number in 1...7 {
            let summary = number == 1 ? "summary: LOOSE-SUMMARY\n" : ""
            files["loose-\(number).md"] = guideFile("Loose \(number)", extra: summary + "order: \(number)\n")
        }
        try writeTree(files, to: root)
        return try BuildPipeline(options: BuildOptions(content: root.path,
                                                       templates: repositoryRoot.appendingPathComponent("templates").path)).generate()
    }

    @Test func noTopicOrGuideShowsAnotherOnesDescriptionOrSummary() throws {
        let output = try build()
        func count(_ text: String, in page: String) throws -> Int {
            try #require(output.text(page), "\(page)").components(separatedBy: text).count - 1
        }
        for page in ["index.html", "categories/index.html"] {
            #expect(try count(#"<p class="card-text">FIRST-DESCRIPTION</p>"#, in: page) == 1, "\(page)")
        }
        #expect(try count("<p>FIRST-SUMMARY</p>", in: "index.html") == 1)
        #expect(try count("<p>LOOSE-SUMMARY</p>", in: "index.html") == 1)
        #expect(try count("<p>LOOSE-SUMMARY</p>", in: "categories/index.html") == 1)
        #expect(try count("<p>FIRST-SUMMARY</p>", in: "categories/described/index.html") == 1)
        #expect(try count("FIRST-DESCRIPTION", in: "categories/plain/index.html") == 0)
        // B's related guides list A, with its summary, and nothing else borrows it.
        #expect(try count("<p>FIRST-SUMMARY</p>", in: "guides/b/index.html") <= 1)
        #expect(try count("FIRST-SUMMARY", in: "guides/loose-2/index.html") == 0)
    }

    @Test func theHomePageLinksToEveryGuideInNoCategoryOnTheTopicsPage() throws {
        let output = try build()
        let home = try #require(output.text("index.html"))
        #expect(home.contains(#"<a href="/categories/#more-guides">See all 7 guides<span class="visually-hidden"> not in a topic</span></a>"#))
        #expect(!home.contains("Loose 6"))
        let topics = try #require(output.text("categories/index.html"))
        #expect(topics.contains(#"<h2 id="more-guides">More guides</h2>"#))
        for number in 1...7 { #expect(topics.contains(">Loose \(number)</a>")) }
    }
}
