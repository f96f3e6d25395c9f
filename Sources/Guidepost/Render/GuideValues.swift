/// `guide`: everything the guide template shows. Guides are most of a site's pages, so their
/// context is a class of its own rather than a dictionary (see `TemplateFields`).
final class GuideValues: TemplateRecord {
    enum Field: String, CaseIterable {
        case title, summary, lead, contentHTML, toc, hasTOC, tags, related, flowHTML, category, previous, next, hasPager, updated, jsonLD
    }

    let title, summary, lead, contentHTML, flowHTML: TemplateText?
    let toc: [TemplateValue]
    let hasTOC: Bool
    let tags: [String]
    let related: [TemplateValue]
    let category: TemplateValue?
    let previous, next: TemplateValue?
    /// Set only for a guide listed in its category, as the dictionary had it.
    let hasPager: Bool?
    /// `date` (`YYYY-MM-DD`, for `<time datetime>`) and `display`; nil when the date is unknown.
    let updated: TemplateValue?
    /// The schema.org Article, ready for a `<script type="application/ld+json">`.
    let jsonLD: TemplateText?

    init(title: String, summary: String, lead: String, contentHTML: TemplateText, flowHTML: String?,
         toc: [TOCEntryValues], tags: [String], related: [TemplateValue], category: LinkValues?,
         previous: TemplateValue?, next: TemplateValue?, hasPager: Bool?, updated: String? = nil, jsonLD: String = "") {
        self.title = templateText(title)
        self.summary = templateText(summary)
        self.lead = templateText(lead)
        self.contentHTML = contentHTML.text.isEmpty ? nil : contentHTML
        self.flowHTML = flowHTML.flatMap(templateText)
        self.toc = toc.map(TemplateValue.init)
        hasTOC = toc.count >= 2
        self.tags = tags
        self.related = related
        self.category = category.map(TemplateValue.init)
        self.previous = previous
        self.next = next
        self.hasPager = hasPager
        self.updated = updated.map { TemplateValue(DictionaryValues(["date": $0, "display": ISODate.display($0)])) }
        self.jsonLD = templateText(jsonLD)
    }

    func value(of field: Field) -> FieldValue {
        switch field {
        case .title: .text(title)
        case .summary: .text(summary)
        case .lead: .text(lead)
        case .contentHTML: .text(contentHTML)
        case .toc: .objects(toc)
        case .hasTOC: .flag(hasTOC)
        case .tags: .strings(tags)
        case .related: .objects(related)
        case .flowHTML: .text(flowHTML)
        case .category: .object(category)
        case .previous: .object(previous)
        case .next: .object(next)
        case .hasPager: .flag(hasPager)
        case .updated: .object(updated)
        case .jsonLD: .text(jsonLD)
        }
    }
}
