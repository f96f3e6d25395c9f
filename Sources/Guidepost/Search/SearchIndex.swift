import Foundation
import GuidepostMarkdown

/// What instant search knows about the site: every guide and the FAQ, cut into entries a result
/// can lead to (the page itself, then one entry per heading or FAQ question), and for each term
/// the entries that hold it, per field. `SearchIndexEncoding` turns it into the file search.js reads.
struct SearchIndex: Sendable, Equatable {
    /// Where on an entry a term was found. A reader who types a guide's title wants that guide,
    /// not every guide that mentions the words in passing, so the weights fall steeply.
    enum Field: Int, CaseIterable, Sendable {
        case title, heading, summary, body

        var weight: Int {
            switch self {
            case .title: 8
            case .heading: 4
            case .summary: 2
            case .body: 1
            }
        }
    }

    /// A heading (or FAQ question) and its anchor on the page.
    struct Section: Sendable, Equatable {
        var id: String
        var text: String
    }

    struct Page: Sendable, Equatable {
        /// Below the base path, percent-encoded, as in links: `guides/email-migration/`.
        var path: String
        var title: String
        var summary: String
        var sections: [Section]
    }

    var pages: [Page] = []
    /// Entries are numbered page by page: the page, then each of its sections.
    var entryCount = 0
    /// For each term, one ascending list of entry numbers per `Field`.
    var postings: [String: [[Int]]] = [:]

    /// Terms in the order search.js compares strings (UTF-16 code units), so it can binary-search
    /// a prefix without sorting on load.
    var sortedTerms: [String] {
        postings.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }
}

/// Builds the index from the site model: guides in reading order, then the FAQ.
struct SearchIndexBuilder {
    let model: SiteModel

    /// One page cut into entries, before its text is folded into terms.
    struct Source: Sendable {
        var page: SearchIndex.Page
        /// Per entry (the page, then each section): its text per field.
        var texts: [[(SearchIndex.Field, String)]]
    }

    func build() -> SearchIndex {
        var sources: [Source] = model.guides.map { guide in
            var blocks = guide.source.document.blocks[...]
            // The leading `# Title` is not shown (the page prints `title` instead), so it is not searchable either.
            if case .heading(let heading, _)? = blocks.first, heading.level == 1 { blocks = blocks.dropFirst() }
            let (intro, sections) = Self.split(Array(blocks))
            return Self.source(path: guide.path.encoded, title: guide.title, summary: guide.summary, intro: intro, sections: sections)
        }
        // Each FAQ file is its own entry, all pointing at the one FAQ page.
        for group in model.faq?.groups ?? [] {
            guard let faq = model.faq else { break }
            let document = group.source.document
            let (preamble, questions) = document.sections(atLevel: 2)
            // As on the page: level-1 headings of the preamble are the page title, not its text.
            let intro = preamble.filter { if case .heading(let heading, _) = $0 { heading.level != 1 } else { true } }
            sources.append(Self.source(path: faq.path.encoded, title: faq.title,
                                       summary: group.source.matter.summary ?? document.summary ?? "",
                                       intro: intro, sections: questions.map { ($0.heading, $0.blocks) }))
        }
        // Folding is most of the work and each page's is independent; filing terms is not.
        let terms = sources.parallelMap { source in
            var folder = SearchFolder()
            return source.texts.map { fields in fields.map { ($0.0, folder.terms($0.1)) } }
        }
        var index = SearchIndex()
        let fieldCount = SearchIndex.Field.allCases.count
        for (source, entries) in zip(sources, terms) {
            index.pages.append(source.page)
            for (offset, fields) in entries.enumerated() {
                let entry = index.entryCount + offset
                for (field, fieldTerms) in fields {
                    for term in fieldTerms {
                        index.postings[term, default: Array(repeating: [], count: fieldCount)][field.rawValue].append(entry)
                    }
                }
            }
            index.entryCount += entries.count
        }
        return index
    }

    private static func source(path: String, title: String, summary: String, intro: [Block], sections: [(Heading, [Block])]) -> Source {
        let page = SearchIndex.Page(path: path, title: title, summary: summary,
                                    sections: sections.map { .init(id: $0.0.id, text: $0.0.text) })
        var texts: [[(SearchIndex.Field, String)]] = [[(.title, title), (.summary, summary), (.body, plainText(intro))]]
        for (heading, blocks) in sections { texts.append([(.heading, heading.text), (.body, plainText(blocks))]) }
        return Source(page: page, texts: texts)
    }

    private static func plainText(_ blocks: [Block]) -> String {
        MarkdownDocument(blocks: blocks, title: nil, summary: nil, headings: [], links: [], flows: []).plainText
    }

    /// Cuts a guide at each top-level heading, so a hit links to the heading above it.
    static func split(_ blocks: [Block]) -> (intro: [Block], sections: [(Heading, [Block])]) {
        var intro: [Block] = []
        var sections: [(Heading, [Block])] = []
        for block in blocks {
            if case .heading(let heading, _) = block {
                sections.append((heading, []))
            } else if sections.isEmpty {
                intro.append(block)
            } else {
                sections[sections.count - 1].1.append(block)
            }
        }
        return (intro, sections)
    }
}
