/// The security policy (`ContentSecurityPolicy`) and cache rules a host should apply, written once: pages declare the
/// policy in a meta tag, and `_headers` (read by Netlify and Cloudflare Pages) sends it as a
/// header, caches fingerprinted files for a year, and has the search index's manifest revalidated (its shards have hashed names). docs/hosting.md shows the same for nginx.
enum HostingFiles {
    /// Files authors put beside their guides: shown or downloaded, never run, even a type
    /// site.yml allows knowingly (an SVG, an HTML export).
    static let mediaPolicy = "default-src 'none'; sandbox"

    /// `policy` is the site's (`SiteModel.contentSecurityPolicy`), the same text its pages declare.
    static func headers(base: BaseURL, policy: String) -> String {
        let root = base.path
        return """
            \(root)*
              Content-Security-Policy: \(policy)
              X-Content-Type-Options: nosniff
              Referrer-Policy: strict-origin-when-cross-origin
            \(root)media/*
              Content-Security-Policy: \(mediaPolicy)
              X-Content-Type-Options: nosniff
            \(root)assets/*
              Cache-Control: public, max-age=31536000, immutable
            \(root)search/index.json
              Cache-Control: no-cache
            \(root)search/shards/*
              Cache-Control: public, max-age=31536000, immutable

            """
    }
}
