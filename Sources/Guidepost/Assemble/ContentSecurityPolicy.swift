import Foundation
import GuidepostMarkdown

/// The site's one Content-Security-Policy: the strict policy, plus what the site's own
/// settings and content need (feedback endpoint, analytics, video players, site.yml's
/// additions). Made once per build and used word for word by every page's `<meta>` tag, the
/// redirect pages and `_headers` (which `sitegen serve` sends), so they cannot disagree.
struct ContentSecurityPolicy: Sendable, Equatable {
    struct Directive: Sendable, Equatable {
        var name: String
        var sources: [String]
    }

    private(set) var directives: [Directive]

    /// Everything from the site's own origin; nothing inline may run.
    static let strict = ContentSecurityPolicy(directives: [
        Directive(name: "default-src", sources: ["'self'"]),
        Directive(name: "script-src", sources: ["'self'"]),
        Directive(name: "style-src", sources: ["'self'"]),
        Directive(name: "img-src", sources: ["'self'", "data:"]),
        Directive(name: "object-src", sources: ["'none'"]),
        Directive(name: "base-uri", sources: ["'none'"]),
        Directive(name: "form-action", sources: ["'self'"]),
    ])

    var text: String {
        directives.map { ([$0.name] + $0.sources).joined(separator: " ") }.joined(separator: "; ")
    }

    /// Adds sources to `name`, each once. A directive the policy lacks starts with what
    /// `default-src` allowed, so adding a source never takes the site's own origin away.
    mutating func add(_ sources: [String], to name: String) {
        guard !sources.isEmpty else { return }
        if !directives.contains(where: { $0.name == name }) {
            directives.append(Directive(name: name, sources: directives.first { $0.name == "default-src" }?.sources ?? ["'self'"]))
        }
        guard let index = directives.firstIndex(where: { $0.name == name }) else { return }
        for source in sources where !directives[index].sources.contains(source) {
            directives[index].sources.append(source)
        }
    }

    /// The policy for a site with `config` whose guides embed `videos`.
    static func site(_ config: SiteConfig, videos: [VideoEmbed]) -> ContentSecurityPolicy {
        var policy = strict
        let features = config.features
        if let endpoint = features.feedbackEndpoint.flatMap(origin) {
            policy.add([endpoint], to: "form-action")
            policy.add([endpoint], to: "connect-src")
        }
        switch features.analytics {
        case .script(let src)?, .plausible(let src, _)?:
            if let origin = origin(of: src) {
                policy.add([origin], to: "script-src")
                policy.add([origin], to: "connect-src")
            }
        case .matomo(let url, _)?:
            if let origin = origin(of: url) {
                for directive in ["script-src", "connect-src", "img-src"] { policy.add([origin], to: directive) }
            }
        case nil:
            break
        }
        let players = Set(videos.map(\.provider.frameOrigin)).sorted()
        policy.add(players, to: "frame-src")
        for addition in features.policySources { policy.add(addition.sources, to: addition.directive) }
        return policy
    }

    /// `scheme://host[:port]` of an absolute http(s) address; nil for a path on this site.
    static func origin(of address: String) -> String? {
        guard let url = URLComponents(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host?.lowercased(), !host.isEmpty, isValidSourceHost(host) else { return nil }
        return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
    }

    private static func isValidSourceHost(_ host: String) -> Bool {
        host.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-.[]:".unicodeScalars.contains($0)) }
    }
}
