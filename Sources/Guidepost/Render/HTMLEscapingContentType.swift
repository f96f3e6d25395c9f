import GuidepostSupport
import Mustache

/// swift-mustache's HTML escaping, done on UTF-8 bytes.
///
/// The library's own `HTML` content type walks each value Character by Character through a
/// `[Character: String]` (about 60 ns a character, 17% of a large build). This one looks at bytes:
/// a value with none of `& < > " '` is returned as it is, without a copy, and any other is built
/// from bytes with the library's replacements (`&amp; &lt; &gt; &quot; &#39;`).
///
/// The output is the library's for every value but one kind: the library compares whole
/// Characters, so a special character that begins a larger grapheme (`<` followed by a combining
/// mark, say) is left as it is there, and escaped here, which is what HTML needs: a browser reads
/// code points, not graphemes.
///
/// Templates choose it with `{{% CONTENT_TYPE: GUIDEPOST_HTML}}`; `ThemeLoader` puts that line in
/// front of every template it parses (see `parse(_:)`), so themes don't have to.
struct HTMLEscapingContentType: MustacheContentType {
    static let name = "GUIDEPOST_HTML"

    /// The line put in front of each template. Mustache drops a standalone tag line from the
    /// output, so it adds nothing to a page; it does add one to the parser's line numbers.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let pragmaLines = 1

    /// swift-mustache looks content types up by name in a process-wide registry while parsing,
    /// and that registry is the only hook it offers for its escaping; registering once per
    /// process is enough (and the lazy `static let` makes it happen exactly once).
    static func register() { _ = registration }
    private static let registration: Void = MustacheContentTypes.register(HTMLEscapingContentType(), named: name)

    /// Parses a template so it escapes with this content type. A theme's own
    /// `{{% CONTENT_TYPE: … }}` still wins, as it comes later. Errors are reported with the
    /// template's own line numbers.
    static func parse(_ text: String) throws(TemplateParseError) -> MustacheTemplate {
        register()
        do {
            return try MustacheTemplate(string: pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateParseError(line: max(1, error.context.lineNumber - pragmaLines),
                                     lineText: error.context.line, underlying: error.error)
        } catch {
            throw TemplateParseError(line: nil, lineText: nil, underlying: error)
        }
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        HTMLEscaper.quotes.escape(text)
    }
}

/// A template Mustache could not parse, with the line as the theme author numbers it.
struct TemplateParseError: Error {
    var line: Int?
    var lineText: String?
    var underlying: any Error
}
