/// The security policy and cache rules a host should apply, written once: pages declare the
/// policy in a meta tag, and `_headers` (read by Netlify and Cloudflare Pages) sends it as a
/// header, caches fingerprinted files for a year, and has the search index revalidated. docs/hosting.md shows the same for nginx.
enum HostingFiles {
    /// Everything the site loads comes from its own origin; nothing inline may run.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

    /// Files authors put beside their guides: shown or downloaded, never run, even a type
    /// site.yml allows knowingly (an SVG, an HTML export).
    static let mediaPolicy = "default-src 'none'; sandbox"

    static func headers(base: BaseURL) -> String {
        let root = base.path
        return """
            \(root)*
              Content-Security-Policy: \(contentSecurityPolicy)
              X-Content-Type-Options: nosniff
              Referrer-Policy: strict-origin-when-cross-origin
            \(root)media/*
              Content-Security-Policy: \(mediaPolicy)
              X-Content-Type-Options: nosniff
            \(root)assets/*
              Cache-Control: public, max-age=31536000, immutable
            \(root)search/index.json
              Cache-Control: no-cache

            """
    }
}
