import GuidepostSupport

/// The page left at a guide's old URL: a meta refresh (allowed under the strict CSP, unlike a
/// script), a canonical link so search engines move their index, and a visible link for
/// anyone whose browser does not follow the refresh.
enum RedirectPage {
    static func render(to guide: Guide, from alias: SitePath, base: BaseURL, language: String, policy: String) -> RenderedPage {
        let target = HTMLEscaper.quotes.escape(guide.path.href(base))
        let title = HTMLEscaper.quotes.escape(guide.title)
        let html = """
            <!doctype html>
            <html lang="\(HTMLEscaper.quotes.escape(language))">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLEscaper.quotes.escape(policy))">
            <title>Moved: \(title)</title>
            <link rel="canonical" href="\(HTMLEscaper.quotes.escape(guide.path.canonical(base) ?? guide.path.href(base)))">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(target)">
            </head>
            <body>
            <p>This page has moved to <a href="\(target)">\(title)</a>.</p>
            </body>
            </html>

            """
        return RenderedPage(path: alias, html: html, indexable: false)
    }
}
