import Testing
@testable import Guidepost

/// How front matter's plain YAML values read. The YAML is composed without Yams's regular
/// expression tag resolver (it cost a fifth of all YAML time), so these hold that every form an
/// author may write still reads as YAML 1.1 says, and that keys are still found.
@Suite struct FrontMatterValueTests {
    private func parse(_ yaml: String) throws -> FrontMatter {
        // The YAML starts on the file's second line, after `---`.
        try FrontMatter.parse(yaml, file: "content/a.md", lineOffset: 1)
    }

    @Test(arguments: [("yes", true), ("Yes", true), ("on", true), ("TRUE", true),
                      ("no", false), ("Off", false), ("false", false), ("~", false)])
    func everyYAMLSpellingOfABooleanReadsAsOne(spelling: String, value: Bool) throws {
        #expect(try parse("title: A\ndraft: \(spelling)\n").draft == value)
    }

    @Test(arguments: [("3", 3), ("+3", 3), ("-2", -2), ("0x1F", 31), ("1_000", 1000), ("0", 0)])
    func everyYAMLSpellingOfAWholeNumberReadsAsOne(spelling: String, value: Int) throws {
        #expect(try parse("title: A\norder: \(spelling)\n").order == value)
    }

    @Test func valuesThatLookLikeNumbersOrBooleansStayTextWhereTextIsExpected() throws {
        let matter = try parse("title: 2024\nslug: true\ntags: [yes, 12, null-safe]\nsummary: '~'\n")
        #expect(matter.title == "2024")
        #expect(matter.slug == "true")
        #expect(matter.tags == ["yes", "12", "null-safe"])
        #expect(matter.summary == "~")
    }

    @Test func anEmptyOrTildeValueIsNoValue() throws {
        let matter = try parse("title: A\nsummary: ~\ncategory:\n")
        #expect(matter.summary == nil)
        #expect(matter.category == nil)
    }

    @Test func quotedKeysAndKeysThatLookLikeOtherTypesAreFound() throws {
        let matter = try parse("\"title\": Quoted key\n'order': 4\n")
        #expect(matter.title == "Quoted key")
        #expect(matter.order == 4)
    }

    @Test func aQuotedNumberWhereANumberIsExpectedNamesTheLine() {
        #expect {
            try parse("title: A\norder: \"four\"\n")
        } throws: { error in
            let error = error as? BuildError
            return error?.line == 3 && error?.message.contains("`order` should be a whole number") == true
        }
    }
}
