/// Escaping for text placed in HTML or XML outside templates (redirect pages, the sitemap).
/// `&#39;` rather than `&apos;` so the same output is right in both languages.
enum Markup {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for char in text {
            switch char {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(char)
            }
        }
        return result
    }
}
