import Foundation
import GuidepostMarkdown

/// Turns the links authors write between content files (`../other.md#anchor`, `photo.png`)
/// into site URLs, and reports each one that points nowhere with its file, line and column.
struct LinkResolver: Sendable {
    private struct Target: Sendable {
        var path: SitePath
        /// The page's headings, for anchors written with another tool's slug rules.
        var headings: [Heading]
        var displayPath: String
        /// What a link to this target resolves from: its URL and, for a page, its parse (which
        /// decides its anchors). A link resolved before is reused while this is unchanged.
        var key: UInt64
        /// The headings' ids and the raw HTML's ids, so a page with a hundred thousand links to
        /// its headings is still resolved in linear time.
        var anchors: Set<String>
    }

    private let targets: [String: Target]
    private let base: BaseURL
    private let drafts: Set<String>

    init(model: SiteModel) {
        let base = model.config.baseURL
        var targets: [String: Target] = [:]
        targets.reserveCapacity(model.guides.count + model.files.count + 2)
        func key(_ path: SitePath, _ content: UInt64) -> UInt64 {
            var print = Fingerprint()
            print.add(path.href(base))
            print.add(content)
            return print.value
        }
        func add(_ page: SourcePage, _ path: SitePath) {
            targets[page.path] = Target(path: path, headings: page.document.headings, displayPath: page.displayPath,
                                        key: key(path, page.contentHash), anchors: Set(Self.ids(of: page.document)))
        }
        for guide in model.guides { add(guide.source, guide.path) }
        for group in model.faq?.groups ?? [] { add(group.source, model.faq?.path ?? .page("faq")) }
        if let home = model.home { add(home, .root) }
        for file in model.files {
            targets[file.source.path] = Target(path: file.path, headings: [], displayPath: file.source.displayPath, key: key(file.path, 0),
                                               anchors: [])
        }
        self.targets = targets
        self.base = base
        drafts = model.drafts
    }

    /// The URL for every link of `page`, indexed like `page.document.links`, and the targets
    /// they resolved through, with their keys.
    func resolve(_ page: SourcePage) -> ResolvedLinks {
        var urls: [String] = []
        var errors: [BuildError] = []
        var references: [ResolvedLinks.Reference] = []
        urls.reserveCapacity(page.document.links.count)
        // Once per page, not per link: a long page with a link to each of its headings is common.
        let own = Set(Self.ids(of: page.document))
        let folder = page.folder
        var aliases: [String: AnchorAliases] = [:]
        for link in page.document.links {
            switch resolve(link.destination, from: page, folder: folder, own: own, references: &references, aliases: &aliases) {
            case .success(let url): urls.append(url)
            case .failure(let problem):
                urls.append(link.destination)
                errors.append(BuildError(problem.kind, step: .link, file: page.displayPath,
                                         line: link.line + page.bodyLineOffset, column: link.column,
                                         problem.message, hint: problem.hint))
            }
        }
        return ResolvedLinks(path: page.path, contentHash: page.contentHash, references: references, urls: urls, errors: errors)
    }

    /// `previous` when it is still right for `page`: the page parsed the same, and every target
    /// its links went through has the same URL and headings.
    func reuse(_ previous: ResolvedLinks?, for page: SourcePage) -> ResolvedLinks? {
        guard let previous, previous.errors.isEmpty, previous.contentHash == page.contentHash else { return nil }
        for reference in previous.references where targets[reference.path]?.key != reference.key { return nil }
        return previous
    }

    struct Problem: Error {
        var kind: BuildError.Kind
        var message: String
        var hint: String
    }

    private func resolve(_ destination: String, from page: SourcePage, folder: [String], own: Set<String>,
                         references: inout [ResolvedLinks.Reference], aliases: inout [String: AnchorAliases]) -> Result<String, Problem> {
        let trimmed = destination.trimmed
        if URLSafety.isRefusedInLinks(trimmed) {
            return .failure(Problem(kind: .brokenLink, message: "the link `\(destination)` would run code or open a page made from its own text",
                                    hint: "`javascript:`, `vbscript:`, `data:` and `file:` links are refused; link to a guide (`guide.md`) or a web address (`https://…`)."))
        }
        if trimmed.isEmpty || Self.isExternal(trimmed) { return .success(destination) }

        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        // `#` alone is the top of the page, which every page has.
        if fragment?.isEmpty == true { fragment = nil }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let anchor = fragment.map(Self.removingPercentEncoding)

        if rest.isEmpty {
            guard let anchor else { return .success(destination) }
            switch Self.heading(anchor, ids: own, headings: page.document.headings, aliases: &aliases, key: page.path) {
            case .success(let id): return .success("#" + Self.encodeFragment(id))
            case .failure(let hint):
                return .failure(Problem(kind: .missingAnchor, message: "the link `\(destination)` points to a heading this page does not have",
                                        hint: hint.hint(ids: own, writing: { "#" + $0 })))
            }
        }

        let decoded = Self.removingPercentEncoding(String(rest))
        let start = decoded.hasPrefix("/") ? [] : folder
        guard let path = Self.normalize(decoded, from: start) else {
            return .failure(Problem(kind: .brokenLink, message: "the link `\(destination)` points outside the content folder",
                                    hint: "link only to files inside the content folder."))
        }
        guard let target = targets[path] else {
            if drafts.contains(path) { return .failure(Self.draftProblem(destination, path)) }
            let hint = decoded.hasSuffix("/") || !decoded.contains(".")
                ? "link to the Markdown file (for example `guide.md`), not to the page's URL; Guidepost works out the URL."
                : "check the file name and folder; paths are relative to this file and case-sensitive."
            return .failure(Problem(kind: .brokenLink, message: "the link `\(destination)` points to `\(path)`, which does not exist", hint: hint))
        }
        references.append(ResolvedLinks.Reference(path: path, key: target.key))
        var url = target.path.href(base)
        if let anchor {
            switch Self.heading(anchor, ids: target.anchors, headings: target.headings, aliases: &aliases, key: path) {
            case .success(let id): url += "#" + Self.encodeFragment(id)
            case .failure(let hint):
                let file = String(trimmed.prefix { $0 != "#" })
                return .failure(Problem(kind: .missingAnchor,
                                        message: "the link `\(destination)` points to a heading `#\(anchor)` that \(target.displayPath) does not have",
                                        hint: hint.hint(ids: target.anchors, writing: { file + "#" + $0 })))
            }
        }
        return .success(url)
    }

    /// What a link's `#fragment` may name on a page: its headings, and the ids of its raw HTML.
    static func ids(of document: MarkdownDocument) -> [String] {
        document.anchors.isEmpty ? document.headings.map(\.id) : document.headings.map(\.id) + document.anchors
    }

    static func isExternal(_ destination: String) -> Bool {
        if URLSafety.isProtocolRelative(destination) { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// Resolves `.` and `..` against `folder`; nil when the result would leave the content root.
    static func normalize(_ path: String, from folder: [String]) -> String? {
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    static func encodeFragment(_ anchor: String) -> String {
        anchor.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? anchor
    }

}

/// One page's links resolved: the URLs, the problems, and what they depended on besides the
/// page itself, so a later build can tell whether they still hold (`LinkResolver.reuse`).
struct ResolvedLinks: Sendable {
    struct Reference: Sendable {
        var path: String
        var key: UInt64
    }

    /// The page's path in the content folder.
    var path: String
    var contentHash: UInt64
    var references: [Reference]
    var urls: [String]
    var errors: [BuildError]
}
