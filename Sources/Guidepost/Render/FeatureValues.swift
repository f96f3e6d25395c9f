/// The template values of `PageFeatures`; nil for a feature site.yml leaves off, so a theme
/// shows it inside `{{#site.announcement}}` and the like.
enum FeatureValues {
    /// `site.announcement`: `text`, `url`, `label`, and `key`, which names this message when a
    /// reader dismisses it.
    static func announcement(_ features: PageFeatures) -> TemplateValue? {
        features.announcement.map { banner in
            TemplateValue(DictionaryValues(["text": banner.text, "url": banner.url ?? "", "label": banner.label ?? "", "key": banner.key]))
        }
    }

    /// `site.analytics`: `src` and `plausibleDomain`, or `matomoURL` and `matomoSiteID`.
    static func analytics(_ features: PageFeatures) -> TemplateValue? {
        switch features.analytics {
        case .script(let src)?: TemplateValue(DictionaryValues(["src": src]))
        case .plausible(let src, let domain)?: TemplateValue(DictionaryValues(["src": src, "plausibleDomain": domain]))
        case .matomo(let url, let siteID)?: TemplateValue(DictionaryValues(["matomoURL": url, "matomoSiteID": siteID]))
        case nil: nil
        }
    }

    /// `feedback` on a guide page: where the form posts and what it sends besides the answer
    /// (docs/feedback.schema.json).
    static func feedback(_ config: SiteConfig, guide: Guide) -> TemplateValue? {
        guard let endpoint = config.features.feedbackEndpoint else { return nil }
        let base = config.baseURL
        return TemplateValue(DictionaryValues([
            "endpoint": endpoint, "slug": guide.slug, "language": config.language,
            "url": guide.path.canonical(base) ?? guide.path.href(base),
        ]))
    }
}
