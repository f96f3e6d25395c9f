import Foundation
import GuidepostMarkdown
import GuidepostSupport
import Yams

/// What site.yml adds to the pages beyond the guides: feedback, an announcement, analytics and
/// extra sources for the Content-Security-Policy. Each is off until site.yml names it.
public struct PageFeatures: Sendable, Equatable {
    public struct Announcement: Sendable, Equatable {
        public var text: String
        public var url: String? = nil
        public var label: String? = nil
        /// Names the message for the reader's "dismissed" memory: a new text shows again.
        public var key: String { String(FNV1a.hash(Array((text + "\n" + (url ?? "")).utf8)), radix: 16) }
    }

    public enum Analytics: Sendable, Equatable {
        /// A script of the site's choosing, loaded on every page.
        case script(src: String)
        case plausible(src: String, domain: String)
        /// `url` ends with `/`; matomo.js and matomo.php are under it.
        case matomo(url: String, siteID: String)
    }

    /// Sources site.yml adds to one directive.
    public struct PolicySources: Sendable, Equatable {
        public var directive: String
        public var sources: [String]
    }

    /// Where "Was this helpful?" posts; nil shows no feedback form.
    public var feedbackEndpoint: String?
    public var announcement: Announcement?
    public var analytics: Analytics?
    public var policySources: [PolicySources] = []

    public init() {}
}

extension PageFeatures {
    static let keys = ["feedback", "announcement", "analytics", "contentSecurityPolicy"]

    /// Reads the features' keys of site.yml; unknown nested keys become warnings.
    static func read(_ yaml: YAMLReader, base: BaseURL, warnings: inout [CheckFinding]) throws(BuildError) -> PageFeatures {
        var features = PageFeatures()
        if let feedback = try yaml.reader("feedback") {
            warnings += feedback.unknownKeys(["endpoint"], in: "`feedback`")
            guard let endpoint = try feedback.string("endpoint") else {
                throw BuildError(.config, step: .load, file: yaml.file, line: yaml.line(of: "feedback"),
                                 "`feedback` needs an `endpoint`: the address the answers are posted to",
                                 hint: "for example `feedback: {endpoint: https://feedback.example.com/guides}`; remove `feedback` to show no form.")
            }
            features.feedbackEndpoint = try address(endpoint, key: "feedback.endpoint", line: feedback.line(of: "endpoint"), in: yaml, sitePath: true)
        }
        if let banner = try yaml.reader("announcement") {
            warnings += banner.unknownKeys(["text", "url", "label"], in: "`announcement`")
            guard let text = try banner.string("text"), !text.isEmpty else {
                throw BuildError(.config, step: .load, file: yaml.file, line: yaml.line(of: "announcement"),
                                 "`announcement` needs a `text`", hint: "for example `announcement: {text: New billing pages, url: /billing/, label: Read more}`.")
            }
            var announcement = Announcement(text: text)
            if let url = try banner.string("url") {
                announcement.url = try address(url, key: "announcement.url", line: banner.line(of: "url"), in: yaml, sitePath: true)
                announcement.label = try banner.string("label") ?? "Read more"
            }
            features.announcement = announcement
        }
        features.analytics = try readAnalytics(yaml, base: base, warnings: &warnings)
        features.policySources = try readPolicy(yaml)
        return features
    }

    private static func readAnalytics(_ yaml: YAMLReader, base: BaseURL, warnings: inout [CheckFinding]) throws(BuildError) -> Analytics? {
        guard yaml.has("analytics") else { return nil }
        let line = yaml.line(of: "analytics")
        let settings = try? yaml.reader("analytics")
        let provider = settings == nil ? try yaml.string("analytics") : try settings?.string("provider")
        if let settings { warnings += settings.unknownKeys(["provider", "domain", "src", "url", "siteId"], in: "`analytics`") }
        switch provider {
        case "plausible":
            let src = try settings?.string("src") ?? "https://plausible.io/js/script.js"
            guard let domain = try settings?.string("domain") ?? (base.isGiven ? URLComponents(string: base.origin)?.host : nil) else {
                throw BuildError(.config, step: .load, file: yaml.file, line: line, "Plausible needs the site's `domain`, and site.yml gives no `baseURL` to take it from",
                                 hint: "write `analytics: {provider: plausible, domain: help.example.com}`, or set `baseURL`.")
            }
            return .plausible(src: try address(src, key: "analytics.src", line: settings?.line(of: "src") ?? line, in: yaml), domain: domain)
        case "matomo":
            guard let url = try settings?.string("url"), let siteID = try settings?.string("siteId"), !siteID.isEmpty else {
                throw BuildError(.config, step: .load, file: yaml.file, line: line, "Matomo needs the `url` of your Matomo and the site's `siteId`",
                                 hint: "for example `analytics: {provider: matomo, url: https://matomo.example.com/, siteId: 3}`.")
            }
            let checked = try address(url, key: "analytics.url", line: settings?.line(of: "url") ?? line, in: yaml)
            return .matomo(url: checked.hasSuffix("/") ? checked : checked + "/", siteID: siteID)
        case let src? where settings == nil && src.contains("://"):
            return .script(src: try address(src, key: "analytics", line: line, in: yaml))
        default:
            throw BuildError(.config, step: .load, file: yaml.file, line: line,
                             "`analytics` must be a script's https address, `plausible` or `matomo`, but it is \(provider.map { "`\($0)`" } ?? "something else")",
                             hint: "for example `analytics: https://stats.example.com/script.js` or `analytics: {provider: plausible, domain: help.example.com}`.")
        }
    }

    /// An https (or http) address, or with `sitePath` a path on this site, percent-encoded.
    static func address(_ text: String, key: String, line: Int?, in yaml: YAMLReader, sitePath: Bool = false) throws(BuildError) -> String {
        let scheme = text.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() }
        let isPath = sitePath && text.hasPrefix("/") && !URLSafety.isProtocolRelative(text)
        guard isPath || (text.contains("://") && ["http", "https"].contains(scheme ?? "") && ContentSecurityPolicy.origin(of: text) != nil) else {
            throw BuildError(.config, step: .load, file: yaml.file, line: line,
                             "`\(key)` must be an http or https address\(sitePath ? " or a path on this site" : ""), but it is `\(text)`",
                             hint: "for example `https://example.com/path`.")
        }
        return SiteConfig.encodedURL(text)
    }
}
