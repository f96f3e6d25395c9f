import Foundation
import GuidepostMarkdown

/// The help center's settings from `content/site.yml`; every field has a default so a site
/// can start with no config at all.
public struct SiteConfig: Sendable, Equatable {
    public struct CategoryInfo: Sendable, Equatable {
        /// Category path, outermost first: "Getting Started/Account & Security" is two levels.
        public var path: [String]
        public var description: String
    }

    public struct Support: Sendable, Equatable {
        public var title: String
        public var text: String
        public var url: String
        public var label: String
    }

    public var title = "Help Center"
    public var description = ""
    public var baseURL = BaseURL.default
    public var language = "en"
    public var categories: [CategoryInfo] = []
    public var support: Support?
    public var rawHTML = RawHTMLMode.sanitized
    public var templateOverrides: String?
    /// File types published beside the guides besides `MediaPolicy.published` (`media: {allow: […]}`).
    public var mediaAllow: [String] = []
    /// Logo, favicon, preview image and accent colours (`Branding`).
    public var brand = Branding()
    /// Feedback, announcement, analytics and Content-Security-Policy additions.
    public var features = PageFeatures()
    /// Where site.yml names `templateOverrides`, for an error about it.
    var templateOverridesLine: Int?
    /// What in site.yml is read differently from how it was written (an unknown key).
    public var warnings: [CheckFinding] = []
    /// The site.yml read, as shown in messages; nil when there is none.
    public var file: String?

    public init() {}

    static let fileName = "site.yml"

    /// The `templateOverrides` that `content`'s site.yml names, read as a build reads it; nil
    /// when there is none or site.yml can't be read (the build reports why).
    public static func templateOverrides(inContent content: String, fileSystem: any FileSystem = LocalFileSystem()) -> String? {
        let file = join(content, fileName)
        guard let data = try? fileSystem.read(file), let text = String(validating: data, as: UTF8.self) else { return nil }
        return (try? parse(text, file: file))?.templateOverrides
    }

    /// Reads `site.yml`; `file` is the path shown in errors.
    static func parse(_ text: String, file: String) throws(BuildError) -> SiteConfig {
        let yaml = try YAMLReader.parse(text, file: file, lineOffset: 0, kind: .config, step: .load)
        var config = SiteConfig()
        config.file = file
        config.warnings = yaml.warnings + yaml.unknownKeys(KnownKeys.site, in: "site.yml")
        if let title = try yaml.string("title") { config.title = title }
        if let description = try yaml.string("description") { config.description = description }
        if let language = try yaml.string("language") { config.language = language }
        let baseKey = yaml.has("baseUrl") && !yaml.has("baseURL") ? "baseUrl" : "baseURL"
        if let base = try yaml.string(baseKey) {
            guard let parsed = BaseURL(base) else {
                throw BuildError(.config, step: .load, file: file, line: yaml.line(of: baseKey),
                                 "`baseURL` must be an absolute http or https address, but it is `\(base)`",
                                 hint: "write where public/ will be served, for example `https://help.example.com/` or `https://example.com/help/`.")
            }
            config.baseURL = parsed
        }
        config.features = try PageFeatures.read(yaml, base: config.baseURL, warnings: &config.warnings)
        for entry in try yaml.readers("categories") {
            guard let name = try entry.string("name"), !name.isEmpty else {
                throw BuildError(.config, step: .load, file: file, line: yaml.line(of: "categories"),
                                 "every entry under `categories` needs a `name`")
            }
            config.warnings += entry.unknownKeys(KnownKeys.siteCategory, in: "a `categories` entry")
            config.categories.append(CategoryInfo(path: CategoryPath.split(name), description: try entry.string("description") ?? ""))
        }
        if let support = try yaml.reader("support") {
            config.warnings += support.unknownKeys(KnownKeys.siteSupport, in: "`support`")
            guard let url = try support.string("url") else {
                throw BuildError(.config, step: .load, file: file, line: yaml.line(of: "support"),
                                 "`support` needs a `url` where readers can reach your support team")
            }
            // The URL lands in an href on every page: only schemes that open a page or a mail.
            let scheme = url.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() }
            guard (url.hasPrefix("/") && !URLSafety.isProtocolRelative(url)) || (url.contains(":") && ["http", "https", "mailto"].contains(scheme ?? "")) else {
                throw BuildError(.config, step: .load, file: file, line: support.line(of: "url"),
                                 "`support.url` must be an http, https or mailto address, or a path on this site, but it is `\(url)`",
                                 hint: "for example `url: https://example.com/support` or `url: mailto:help@example.com`.")
            }
            config.support = Support(
                title: try support.string("title") ?? "Still stuck?",
                text: try support.string("text") ?? "",
                url: Self.encodedURL(url),
                label: try support.string("label") ?? "Contact support"
            )
        }
        if let markdown = try yaml.reader("markdown") {
            config.warnings += markdown.unknownKeys(KnownKeys.siteMarkdown, in: "`markdown`")
            if let mode = try Self.rawHTMLMode(markdown) { config.rawHTML = mode }
        }
        if let media = try yaml.reader("media") {
            config.warnings += media.unknownKeys(KnownKeys.siteMedia, in: "`media`")
            config.mediaAllow = try media.strings("allow").map(MediaPolicy.normalized)
        }
        let (brand, brandWarnings) = try Branding.parse(yaml, file: file)
        config.brand = brand
        config.warnings += brandWarnings
        config.templateOverrides = try yaml.string("templateOverrides")
        config.templateOverridesLine = yaml.line(of: "templateOverrides")
        return config
    }
}

extension SiteConfig {
    /// `markdown.rawHTML`: a mode by name, or the boolean of earlier versions, where `true`
    /// passed HTML as written and `false` dropped it (now with a warning for each drop).
    static func rawHTMLMode(_ markdown: YAMLReader) throws(BuildError) -> RawHTMLMode? {
        // Whatever YAML reads as a boolean (`true`, `no`…) means what it did before.
        if let flag = try? markdown.bool("rawHTML") { return flag ? .trusted : RawHTMLMode.none }
        guard let text = try markdown.string("rawHTML") else { return nil }
        guard let mode = RawHTMLMode(rawValue: text) else {
            throw BuildError(.config, step: .load, file: markdown.file, line: markdown.line(of: "rawHTML"),
                             "`markdown.rawHTML` must be `sanitized`, `trusted` or `none`, but it is `\(text)`",
                             hint: "`sanitized` (the default) keeps safe HTML such as tables and `<kbd>`; `trusted` keeps all of it; `none` drops it.")
        }
        return mode
    }

    /// `url` with every character a URL may not hold as it is (spaces, quotes, `<`, `>`, a second
    /// `#`, a `%` that starts no escape, non-ASCII) percent-encoded, so the `href` it lands in is
    /// a valid URL; characters that are already escapes or mean something in a URL are kept.
    static func encodedURL(_ url: String) -> String {
        let bytes = Array(url.utf8)
        var result = ""
        var seenHash = false
        for (index, byte) in bytes.enumerated() {
            let keep: Bool
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                keep = true
            case UInt8(ascii: "#"):
                keep = !seenHash
                seenHash = true
            case UInt8(ascii: "%"):
                keep = index + 2 < bytes.count && bytes[index + 1].isHexDigit && bytes[index + 2].isHexDigit
            default:
                keep = "!$&'()*+,-./:;=?@_~".utf8.contains(byte)
            }
            if keep {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}

/// Where the site will be served. Canonical URLs, the sitemap and Open Graph need it absolute;
/// every link inside the site uses its path, so a site under `/help/` works.
public struct BaseURL: Sendable, Equatable {
    /// Scheme and host, e.g. `https://example.com`.
    public let origin: String
    /// Always starts and ends with `/`.
    public let path: String
    /// False for `default`, the stand-in when site.yml names no base URL: then nothing that
    /// must be absolute (canonical links, the sitemap) is written, rather than one pointing at
    /// localhost.
    public let isGiven: Bool

    public static let `default` = BaseURL(origin: "http://localhost:8000", path: "/", isGiven: false)

    private init(origin: String, path: String, isGiven: Bool) {
        self.origin = origin
        self.path = path
        self.isGiven = isGiven
    }

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil
        else { return nil }
        let port = components.port.map { ":\($0)" } ?? ""
        origin = "\(scheme)://\(host)\(port)"
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
        isGiven = true
    }

    public var absolute: String { origin + path }
}
