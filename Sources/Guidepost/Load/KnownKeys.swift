import Yams

/// The keys Guidepost reads in each YAML map, one list per map: a key added to a reader is
/// added here too, or every site that uses it is warned about it.
enum KnownKeys {
    static let frontMatter = ["title", "summary", "description", "category", "order", "tags", "slug", "flow", "layout", "aliases", "draft", "updated",
                              // Exports from other help desks carry an id; it is read as nothing, on purpose.
                              "id"]
    static let site = ["title", "description", "baseURL", "baseUrl", "language", "categories", "support", "markdown", "templateOverrides", "media",
                       "logo", "favicon", "ogImage", "accent"]
        + PageFeatures.keys
    static let siteMedia = ["allow"]
    static let siteAccent = ["light", "dark"]
    static let siteCategory = ["name", "description"]
    static let siteSupport = ["title", "text", "url", "label"]
    static let siteMarkdown = ["rawHTML"]
}

extension YAMLReader {
    /// A warning for each key of this map that is not in `known`, at the key's line, naming
    /// the known key it is closest to: a misspelt key would otherwise be ignored without a word.
    /// `map` names the map for the message (`front matter`, `site.yml`, `site.yml markdown`).
    func unknownKeys(_ known: [String], in map: String) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for (key, _) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            let hint = EditDistance.closest(to: name, in: known)
                .map { "did you mean `\($0)`?" }
                ?? "the keys it reads are " + known.map { "`\($0)`" }.joined(separator: ", ") + "."
            findings.append(CheckFinding(
                file: file, line: (key.mark?.line).map { $0 + lineOffset } ?? 1 + lineOffset, column: key.mark?.column ?? 1,
                severity: .warning, message: "`\(name)` is not a key Guidepost reads in \(map), so it is ignored", hint: hint))
        }
        return findings
    }
}
