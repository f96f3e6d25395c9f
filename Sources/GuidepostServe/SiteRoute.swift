import Foundation

/// Where a request path leads in the built site, decided the way static hosts decide it, so a
/// link that works here works when the site is published.
enum SiteRoute: Sendable, Equatable {
    /// A file of the site, by its path in the output.
    case file(String)
    /// A folder asked for without its slash: `/guides/x` → `/guides/x/`, so relative links in
    /// its index page resolve against the folder.
    case redirect(location: String)
    case notFound

    /// `rawPath` is the request target's path, still percent-encoded; `query` is kept on redirects.
    static func resolve(rawPath: String, query: String = "", in files: [String: some Any]) -> SiteRoute {
        guard rawPath.hasPrefix("/") else { return .notFound }
        var segments: [String] = []
        for part in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            // Decoded segment by segment, so an encoded `%2F` cannot join two segments into one.
            guard let segment = part.removingPercentEncoding, !segment.contains("/"),
                  segment != ".", segment != ".."
            else { return .notFound }
            segments.append(segment)
        }
        let key = segments.joined(separator: "/")
        if key.isEmpty { return files["index.html"] != nil ? .file("index.html") : .notFound }
        let index = key + "/index.html"
        if rawPath.hasSuffix("/") { return files[index] != nil ? .file(index) : .notFound }
        if files[key] != nil { return .file(key) }
        if files[index] != nil {
            // Rebuilt from its segments: `//host/x/` (or `/\host/x/`, read alike) leads to another site.
            let path = rawPath.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
                .replacingOccurrences(of: "\\", with: "%5C")
            return .redirect(location: "/" + path + "/" + (query.isEmpty ? "" : "?" + query))
        }
        return .notFound
    }
}
