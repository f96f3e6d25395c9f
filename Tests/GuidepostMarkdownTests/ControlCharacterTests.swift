import Testing
@testable import GuidepostMarkdown

/// `contains` reads bytes for speed; `isControl` is the definition on scalars. They must agree
/// on every character, alone and between others (where a byte-wise check could misread a
/// continuation byte as a control character).
struct ControlCharacterTests {
    @Test func theByteWiseCheckAgreesWithTheDefinitionOnEveryCharacterUpToU3000() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = String(Character(scalar))
            #expect(ControlCharacters.contains(alone) == ControlCharacters.isControl(scalar), "U+\(String(value, radix: 16))")
            #expect(ControlCharacters.contains("aé\(alone)€z") == ControlCharacters.isControl(scalar), "U+\(String(value, radix: 16)) between others")
        }
    }

    @Test func continuationBytesThatLookLikeC1AreNotControls() {
        // "ā" is C4 81 and "€" E2 82 AC: their second bytes are in 80–9F, but no C2 leads them.
        #expect(!ControlCharacters.contains("ā€ŀ\u{2028}"))
        #expect(ControlCharacters.contains("ā\u{85}"))
        #expect(ControlCharacters.stripped("a\u{1B}[31mb\u{9B}c\td") == "a[31mbc\td")
    }
}
