/// `guide`: everything the guide template shows. Guides are most of a site's pages, so their
/// context is a class of its own rather than a dictionary (see `TemplateFields`).
final class GuideValues: TemplateFields {
    let title, summary, lead, contentHTML, flowHTML: TemplateText?
    let toc: [TemplateValue]
    let hasTOC: Bool
    let tags: [String]
    let related: [TemplateValue]
    let category: TemplateValue?
    let previous, next: TemplateValue?
    /// Set only for a guide listed in its category, as the dictionary had it.
    let hasPager: Bool?

    init(title: String, summary: String, lead: String, contentHTML: TemplateText, flowHTML: String?,
         toc: [TOCEntryValues], tags: [String], related: [TemplateValue], category: LinkValues?,
         previous: TemplateValue?, next: TemplateValue?, hasPager: Bool?) {
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
    }

    var keys: [String] {
        ["title", "summary", "lead", "contentHTML", "toc", "hasTOC", "tags", "related", "flowHTML", "category", "previous", "next", "hasPager"]
    }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.add(13)
        for (key, text) in [("title", title), ("summary", summary), ("lead", lead), ("contentHTML", contentHTML)] {
            print.field(key)
            print.value(text)
        }
        print.field("toc")
        print.value(toc, known: known)
        print.field("hasTOC")
        print.value(hasTOC)
        print.field("tags")
        print.value(tags)
        print.field("related")
        print.value(related, known: known)
        print.field("flowHTML")
        print.value(flowHTML)
        print.field("category")
        print.value(category, known: known)
        print.field("previous")
        print.value(previous, known: known)
        print.field("next")
        print.value(next, known: known)
        print.field("hasPager")
        print.value(hasPager)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "lead": lead
        case "contentHTML": contentHTML
        case "toc": toc
        case "hasTOC": hasTOC
        case "tags": tags
        case "related": related
        case "flowHTML": flowHTML
        case "category": category
        case "previous": previous
        case "next": next
        case "hasPager": hasPager
        default: nil
        }
    }
}
