/// What the build options change in loaded content before any step sees it: the base URL
/// from the command line, drafts set aside, and a warning when the site has no base URL.
extension LoadedContent {
    /// `configRead` is false when site.yml was there but could not be read: its error says
    /// enough, without a warning that it names no base URL.
    mutating func apply(_ options: BuildOptions, configRead: Bool = true) {
        if let baseURL = options.baseURL { config.baseURL = baseURL }
        if !options.drafts {
            drafts = pages.filter(\.matter.draft)
            if !drafts.isEmpty { pages.removeAll(where: \.matter.draft) }
        }
        if !config.baseURL.isGiven, configRead {
            config.warnings.append(CheckFinding(
                file: config.file ?? options.content, severity: .warning,
                message: "the site has no `baseURL`, so its pages carry no canonical link or `og:url`, and no sitemap.xml is written",
                hint: "add `baseURL: https://help.example.com/` (where public/ will be served) to site.yml, or pass `--base-url`."))
        }
    }
}

extension LinkResolver {
    /// The error for a link to a draft: the page exists, but the site will not have it.
    static func draftProblem(_ destination: String, _ path: String) -> Problem {
        Problem(kind: .brokenLink,
                message: "the link `\(destination)` points to `\(path)`, a draft (`draft: true`) that is not published",
                hint: "publish the draft by removing `draft: true`, or remove the link until it is; `sitegen serve --drafts` previews drafts.")
    }
}
