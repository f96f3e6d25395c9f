/// Turns heading text into an anchor id that readers can type and share.
public enum Slug {
    /// "Before you start!" -> "before-you-start"; "Café & Crème" -> "cafe-creme"; "Безопасность аккаунта" -> "безопасность-аккаунта"; "账户安全" -> "账户安全"; "🎉" or "" -> fallback.
    public static func make(_ text: String, fallback: String = "section") -> String {
        // Built as UTF-8 bytes: every heading of a site becomes a slug, one scalar at a time, and
        // appending to a byte array is cheaper than to a string.
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingDash = false
        // Latin accents are folded away; marks on other scripts are part of the letter.
        var previousKeptIsLatin = false
        var previousKept = false

        func keep(_ piece: String, latin: Bool) {
            if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            slug.append(contentsOf: piece.utf8)
            previousKept = true
            previousKeptIsLatin = latin
        }
        func keep(_ scalar: Unicode.Scalar, latin: Bool) {
            if pendingDash, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingDash = false
            append(scalar, to: &slug)
            previousKept = true
            previousKeptIsLatin = latin
        }

        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                    keep(scalar, latin: true)
                } else {
                    pendingDash = true
                    previousKept = false
                }
            } else if let folded = LatinFolding.table[scalar] {
                keep(folded, latin: true)
            } else if isMark(scalar) {
                if previousKept, !previousKeptIsLatin {
                    append(scalar, to: &slug)
                } else if !previousKept {
                    pendingDash = true
                }
            } else if isLetterOrDigit(scalar) {
                keep(scalar, latin: false)
            } else {
                pendingDash = true
                previousKept = false
            }
        }
        return slug.isEmpty ? fallback : String(decoding: slug, as: UTF8.self)
    }

    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(UInt8(scalar.value))
        } else {
            bytes.append(contentsOf: UTF8.encode(scalar)!)
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
