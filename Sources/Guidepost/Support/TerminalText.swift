/// Text bound for a terminal, with its control characters made visible. Author text (a file
/// name, a title, a YAML value) reaches error messages, and `ESC ] 0;…` in a file name would
/// otherwise retitle the terminal, or `ESC [ 2 J` clear it. sitegen's commands and the dev
/// server's reporter pass everything they print through here.
public enum TerminalText {
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// C0 (but tab and newline, which lay text out), DEL, C1, and the bidirectional overrides,
    /// which can make a line read differently from what it says.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
