/// Control characters other than tab and line endings have no place in a page (a NUL, ESC or
/// BEL byte in the HTML): Markdown text and YAML values lose them, with a warning.
public enum ControlCharacters {
    /// On UTF-8 bytes: every Markdown file and front-matter value is checked, and decoding
    /// scalars made this about 1% of a build. C0 and DEL are single bytes; C1 (U+0080–U+009F)
    /// is always C2 followed by 80–9F, and neither byte can start another character's encoding.
    public static func contains(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
                } else if byte == 0x7F {
                    return true
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    public static func stripped(_ text: String) -> String {
        guard contains(text) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter { !isControl($0) })
        return String(result)
    }

    /// C0 but tab, newline and carriage return (a line ending), DEL and C1.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// Removes them from Markdown text, with a diagnostic for each line that held any. Columns
    /// later on such a line shift by one per character removed, which is close enough.
    static func strip(markdown source: String) -> (String, [MarkdownDiagnostic]) {
        guard contains(source) else { return (source, []) }
        var diagnostics: [MarkdownDiagnostic] = []
        var line = 1, column = 1
        for character in source {
            if character.unicodeScalars.contains(where: isControl), diagnostics.last?.line != line {
                diagnostics.append(MarkdownDiagnostic(line: line, column: column,
                                                      "a control character (such as NUL, ESC or BEL) was removed from this text",
                                                      hint: "remove the character; pages can't show it."))
            }
            if character.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (stripped(source), diagnostics)
    }
}
