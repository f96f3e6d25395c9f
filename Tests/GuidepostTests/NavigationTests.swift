import Foundation
import Testing
@testable import Guidepost

/// A home page that stays small however many guides there are, and the page of every topic the
/// header links to on a phone without JavaScript.
@Suite struct NavigationTests {
    private var theme: [String: String] {
        var theme = minimalTheme
        theme["templates/home.mustache"] = "{{#home.categories}}[{{name}}:{{#guides}}{{title}};{{/guides}}{{#hasMore}}all {{guideCount}}>{{url}}{{/hasMore}}]{{/home.categories}}"
        theme["templates/categories.mustache"] = "{{#categories}}[{{name}}>{{url}}:{{guideCountText}}{{#subcategories}}({{name}}:{{guideCountText}}){{/subcategories}}]{{/categories}}|{{site.categoriesURL}}"
        return theme
    }

    private func guides(_ count: Int, in folder: String, order: Bool = true) -> [String: String] {
        var files: [String: String] = [:]
        for number in 1...count {
            files["\(folder)/\(folder.replacingOccurrences(of: "/", with: "-"))-\(number).md"] = guideFile("\(folder) \(number)", extra: order ? "order: \(count + 1 - number)\n" : "")
        }
        return files
    }

    @Test func theHomePageShowsEachCategorysFirstFiveByOrderAndLinksToTheRest() throws {
        var files = guides(12, in: "Big").merging(guides(3, in: "Small")) { $1 }
        files.merge(guides(4, in: "Parent/Child", order: false)) { $1 }
        files["Parent/p.md"] = guideFile("Parent 1")
        let home = try #require(try generate(files, theme: theme).text("index.html"))
        // `order` counts down, so guide 12 comes first.
        #expect(home.contains("[Big:Big 12;Big 11;Big 10;Big 9;Big 8;all 12>/categories/big/]"))
        #expect(home.contains("[Small:Small 3;Small 2;Small 1;]"), "all shown: no link")
        #expect(home.contains("[Parent:Parent 1;all 5>/categories/parent/]"), "guides in subcategories are counted")
    }

    @Test func aHomePageOfThousandsOfGuidesListsFiveFromEachCategory() throws {
        var files: [String: String] = [:]
        for category in 0..<4 { files.merge(guides(200, in: "C\(category)", order: false)) { $1 } }
        let home = try #require(try generate(files, theme: theme).text("index.html"))
        #expect(home.components(separatedBy: ";").count - 1 == 20)
        #expect(home.utf8.count < 2_000)
    }

    @Test func theTopicsPageListsEveryCategoryWithItsCountsAndTheHeaderLinksToIt() throws {
        var files = guides(1, in: "One").merging(guides(2, in: "Two")) { $1 }
        files.merge(guides(3, in: "Two/Deeper")) { $1 }
        let output = try generate(files, theme: theme)
        let page = try #require(output.text("categories/index.html"))
        #expect(page == "[One>/categories/one/:1 guide][Two>/categories/two/:5 guides(Deeper:3 guides)]|/categories/")
    }

    @Test func guidesInNoCategoryShowTheirFirstFiveOnTheHomePageAndAllOnTheTopicsPage() throws {
        var theme = theme
        theme["templates/home.mustache"] = "{{#home.uncategorized}}{{title}};{{/home.uncategorized}}|{{home.uncategorizedCount}}>{{home.uncategorizedURL}}"
        theme["templates/categories.mustache"] = "{{page.title}}|{{#categories}}[{{name}}]{{/categories}}|{{#uncategorized}}{{title}};{{/uncategorized}}"
        var files = guides(1, in: "One")
        for number in 1...12 { files["loose-\(number).md"] = guideFile("Loose \(number)", extra: "order: \(number)\n") }
        let output = try generate(files, theme: theme)
        #expect(output.text("index.html") == "Loose 1;Loose 2;Loose 3;Loose 4;Loose 5;|12>/categories/#more-guides")
        let all = (1...12).map { "Loose \($0);" }.joined()
        #expect(output.text("categories/index.html") == "All topics|[One]|" + all)
    }

    @Test func aSiteWithManyGuidesAndNoCategoriesGetsAnAllGuidesPage() throws {
        var theme = theme
        theme["templates/home.mustache"] = "{{home.uncategorizedCount}}>{{home.uncategorizedURL}}"
        theme["templates/categories.mustache"] = "{{page.title}}|{{#uncategorized}}{{title}};{{/uncategorized}}|{{site.categoriesURL}}"
        var few: [String: String] = [:]
        for number in 1...5 { few["g\(number).md"] = guideFile("G\(number)") }
        let small = try generate(few, theme: theme)
        #expect(small.text("index.html") == "5>", "all five fit on the home page: no link, no page")
        #expect(small.text("categories/index.html") == nil)
        var many = few
        many["g6.md"] = guideFile("G6")
        let large = try generate(many, theme: theme)
        #expect(large.text("index.html") == "6>/categories/#more-guides")
        #expect(large.text("categories/index.html") == "All guides|G1;G2;G3;G4;G5;G6;|/categories/")
    }

    @Test func aSiteWithoutCategoriesOrATemplateForItHasNoTopicsPage() throws {
        #expect(try generate(["a.md": guideFile("A")], theme: theme).text("categories/index.html") == nil)
        #expect(try generate(guides(1, in: "One")).text("categories/index.html") == nil, "minimal theme: no template")
    }
}
