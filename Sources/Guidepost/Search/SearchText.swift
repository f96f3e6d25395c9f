import Foundation

/// How text becomes search terms. `templates/assets/search.js` applies the same steps to what a
/// reader types (`foldCluster`, `tokenize`), so both sides must change together; the Node tests
/// build a real index and query it with diacritics, CJK and case to hold them to it.
///
/// Steps: the text is cut into clusters (a scalar and the combining marks after it); each cluster
/// is lower-cased, compatibility-decomposed (NFKD, so full-width `ｐａｓｓ` and `ﬁ` become plain
/// letters), stripped of the combining diacritics U+0300–U+036F (é → e), given the replacements
/// in `letters`, and recomposed (NFC, so Hangul syllables survive). Runs of letters, digits and
/// marks are words; Chinese, Japanese and Korean have no spaces between words, so their runs are
/// indexed by single characters and character bigrams instead.
enum SearchText {
    struct Token: Equatable, Sendable {
        var text: String
        var isCJK: Bool
    }

    /// Longer words are cut here on both sides, so a pasted URL or hash cannot bloat the index.
    static let maxWordLength = 32

    /// Letters that have no decomposition but that readers type without their stroke or ligature.
    static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h",
        "ı": "i", "ŧ": "t", "þ": "th", "ς": "σ",
    ]

    /// Index terms of `text`: each word once, and each CJK character and bigram once, in order of
    /// first appearance.
    static func terms(_ text: String) -> [String] {
        var folder = SearchFolder()
        return folder.terms(text)
    }

    /// The folded words and CJK runs of `text`, in order.
    static func tokenize(_ text: String) -> [Token] {
        var folder = SearchFolder()
        return folder.tokenize(text)
    }

    /// A CJK run's single characters, then its bigrams.
    static func grams(_ run: String) -> [String] {
        let scalars = Array(run.unicodeScalars)
        var grams = scalars.map { String($0) }
        if scalars.count > 1 {
            for index in 0..<(scalars.count - 1) {
                var pair = String.UnicodeScalarView()
                pair.append(scalars[index])
                pair.append(scalars[index + 1])
                grams.append(String(pair))
            }
        }
        return grams
    }

    /// search.js's `autoID`: the folded ASCII letters and digits, in runs joined by `-`. The index
    /// leaves out a heading id equal to this, since the script can rebuild it.
    static func autoID(_ text: String) -> String {
        var folder = SearchFolder()
        var runs: [String] = []
        var run = ""
        for scalar in folder.foldedScalars(text) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                run.unicodeScalars.append(scalar)
            } else if !run.isEmpty {
                runs.append(run)
                run = ""
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs.joined(separator: "-")
    }

    /// One cluster through the steps above; search.js's `foldCluster` must give the same.
    static func foldCluster(_ cluster: some Sequence<Unicode.Scalar>) -> String {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: cluster)
        let decomposed = String(key).lowercased().decomposedStringWithCompatibilityMapping
        var stripped = ""
        for scalar in decomposed.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            if let replacement = letters[scalar] { stripped += replacement } else { stripped.unicodeScalars.append(scalar) }
        }
        return stripped.precomposedStringWithCanonicalMapping
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Han, kana and Hangul: the scripts written without spaces between words (Korean has
    /// spaces, but its particles attach to the word, so bigrams serve it better too).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3005...0x3007, 0x3040...0x30FF, 0x3130...0x318F, 0x31F0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }
}

