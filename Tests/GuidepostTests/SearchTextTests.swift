import Testing
@testable import Guidepost

/// How text becomes search terms. search.js folds queries with the same rules; the Node tests
/// (Tests/js/search-index.test.js) query a real index to hold the two together.
@Suite struct SearchTextTests {
    private func words(_ text: String) -> [String] { SearchText.tokenize(text).map(\.text) }

    @Test func foldsCaseAndDiacritics() {
        #expect(words("Café ÉTÉ naïve Señal Überprüfen") == ["cafe", "ete", "naive", "senal", "uberprufen"])
        // Combining marks typed separately fold like precomposed letters.
        #expect(words("Cafe\u{301}") == ["cafe"])
    }

    @Test func foldsLettersWithoutADecomposition() {
        #expect(words("Straße Ærø Łódź Œuvre") == ["strasse", "aero", "lodz", "oeuvre"])
    }

    @Test func foldsCompatibilityForms() {
        // Full-width Latin (common in Japanese text) and ligatures read as plain letters.
        #expect(words("ｐａｓｓｗｏｒｄ ﬁle") == ["password", "file"])
    }

    @Test func keepsMarksThatAreNotLatinDiacritics() {
        #expect(words("हिंदी") == ["हिंदी"])
        // Hangul decomposes under NFKD; recomposition keeps syllables whole.
        #expect(words("비밀번호") == ["비밀번호"])
        #expect(SearchText.tokenize("비밀번호").first?.isCJK == true)
    }

    @Test func splitsOnPunctuationAndSpaces() {
        #expect(words("two-factor (2FA) isn't—hard…") == ["two", "factor", "2fa", "isn", "t", "hard"])
    }

    @Test func indexesCJKByCharactersAndBigrams() {
        #expect(SearchText.terms("账户安全") == ["账", "户", "安", "全", "账户", "户安", "安全"])
        #expect(SearchText.terms("パスワード").contains("ワー"))
        #expect(SearchText.terms("空") == ["空"])
    }

    @Test func separatesCJKRunsFromLatinWords() {
        let tokens = SearchText.tokenize("使用Google账号登录")
        #expect(tokens.map(\.text) == ["使用", "google", "账号登录"])
        #expect(tokens.map(\.isCJK) == [true, false, true])
    }

    @Test func cutsVeryLongWords() {
        let long = String(repeating: "a", count: 40)
        #expect(words(long) == [String(repeating: "a", count: SearchText.maxWordLength)])
    }

    @Test func termsAreUniqueInOrderOfFirstUse() {
        #expect(SearchText.terms("Phone, phone and PHONE number") == ["phone", "and", "number"])
    }

    @Test func autoIDMatchesTheSlugsOfPlainHeadings() {
        #expect(SearchText.autoID("Before you start") == "before-you-start")
        #expect(SearchText.autoID("What “occupied” means") == "what-occupied-means")
        #expect(SearchText.autoID("Café & Crème") == "cafe-creme")
        #expect(SearchText.autoID("账户安全") == "")
    }
}
