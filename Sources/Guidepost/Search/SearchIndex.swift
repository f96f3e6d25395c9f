import Foundation
import GuidepostMarkdown

/// What instant search knows about the site: every guide and the FAQ, cut into entries a result
/// can lead to (the page itself, then one entry per heading or FAQ question), and for each term
/// the entries that hold it, per field. `SearchIndexFiles` cuts it into the files search.js fetches.
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
        /// Where each entry's text starts (the page, then each section), for the snippet a
        /// result shows; `""` for the page when its summary says it (`SearchSnippet`).
        var excerpts: [String] = []
        /// Index into `categories`; nil for a page outside any (the FAQ, a guide at the top).
        var category: Int?
    }

    var pages: [Page] = []
    /// The top-level categories' names, which results show and can be filtered by.
    var categories: [String] = []
    /// Entries are numbered page by page: the page, then each of its sections.
    var entryCount = 0
    /// Every term once, in no particular order.
    var terms: [String] = []
    /// For `terms[i]`, one ascending list of entry numbers per `Field` (32 bits: a site has far
    /// fewer than four billion entries, and the lists are most of the index's memory).
    var postings: [[[Int32]]] = []

    /// Indices into `terms` in the order search.js compares strings (UTF-16 code units), so it
    /// can binary-search a prefix without sorting on load.
    var sortedTermIndices: [Int] {
        terms.indices.sorted { terms[$0].utf16.lexicographicallyPrecedes(terms[$1].utf16) }
    }
}

/// Builds the index from the site model: guides in reading order, then the FAQ.
struct SearchIndexBuilder {
    let model: SiteModel

    /// One page cut into entries: its sections, then per entry (the page, then each section)
    /// its text per field. Made only while the page's terms are filed, so the whole site's text is
    /// never held at once.
    struct Source {
        var page: SearchIndex.Page
        var texts: [[(SearchIndex.Field, String)]]
    }

    /// Where a page of the index comes from: a guide, or one FAQ file (each its own entry, all
    /// pointing at the one FAQ page).
    private enum Origin: Sendable {
        case guide(Int)
        case faq(Int)
    }

    func build() -> SearchIndex {
        let origins = model.guides.indices.map(Origin.guide) + (model.faq?.groups.indices.map(Origin.faq) ?? [])
        let builder = self
        var index = SearchIndex()
        index.categories = model.topCategories.map(\.name)
        let categoryNumbers = Dictionary(index.categories.enumerated().map { ($1, $0) }) { first, _ in first }
        index.pages = origins.parallelMap { origin in
            var page = builder.source(origin, withTexts: false).page
            if case .guide(let number) = origin, let top = model.guides[number].category.first { page.category = categoryNumbers[top] }
            return page
        }
        // Entry numbers are known before any text is folded, so every chunk of pages can file
        // its own terms; the chunks' vocabularies are merged afterwards.
        var firstEntries: [Int] = []
        firstEntries.reserveCapacity(index.pages.count)
        for page in index.pages {
            firstEntries.append(index.entryCount)
            index.entryCount += 1 + page.sections.count
        }
        // Each page's excerpts come from the texts being filed, so no text is made twice.
        let chunks = Parallel.chunks(origins.count) { [firstEntries] range in
            var filing = TermFiling()
            var excerpts: [[String]] = []
            for offset in range {
                let source = builder.source(origins[offset], withTexts: true)
                for (number, fields) in source.texts.enumerated() {
                    for (field, text) in fields { filing.file(text, entry: Int32(firstEntries[offset] + number), field: field) }
                }
                excerpts.append(SearchSnippet.excerpts(source))
            }
            return (filing, excerpts)
        }
        for (offset, excerpts) in chunks.flatMap(\.1).enumerated() { index.pages[offset].excerpts = excerpts }
        (index.terms, index.postings) = TermFiling.merge(chunks.map(\.0))
        return index
    }

    private func source(_ origin: Origin, withTexts: Bool) -> Source {
        switch origin {
        case .guide(let number):
            let guide = model.guides[number]
            var blocks = guide.source.document.blocks[...]
            // The leading `# Title` is not shown (the page prints `title` instead), so it is not searchable either.
            if case .heading(let heading, _)? = blocks.first, heading.level == 1 { blocks = blocks.dropFirst() }
            let (intro, sections) = Self.split(blocks)
            return Self.source(path: guide.path.encoded, title: guide.title, summary: guide.summary,
                               intro: intro, sections: sections, withTexts: withTexts)
        case .faq(let number):
            let faq = model.faq!
            let group = faq.groups[number]
            let document = group.source.document
            let (preamble, questions) = document.sections(atLevel: 2)
            // As on the page: level-1 headings of the preamble are the page title, not its text.
            let intro = preamble.filter { if case .heading(let heading, _) = $0 { heading.level != 1 } else { true } }
            return Self.source(path: faq.path.encoded, title: faq.title,
                               summary: group.source.matter.summary ?? document.summary ?? "",
                               intro: intro[...], sections: questions.map { ($0.heading, $0.blocks[...]) }, withTexts: withTexts)
        }
    }

    private static func source(path: String, title: String, summary: String, intro: ArraySlice<Block>,
                               sections: [(Heading, ArraySlice<Block>)], withTexts: Bool) -> Source {
        let page = SearchIndex.Page(path: path, title: title, summary: summary,
                                    sections: sections.map { .init(id: $0.0.id, text: $0.0.text) })
        guard withTexts else { return Source(page: page, texts: []) }
        var texts: [[(SearchIndex.Field, String)]] = [[(.title, title), (.summary, summary), (.body, MarkdownDocument.plainText(of: intro))]]
        for (heading, blocks) in sections {
            texts.append([(.heading, heading.text), (.body, MarkdownDocument.plainText(of: blocks))])
        }
        return Source(page: page, texts: texts)
    }

    /// Cuts a guide at each top-level heading, so a hit links to the heading above it. The parts
    /// are slices of `blocks`, not copies.
    static func split(_ blocks: ArraySlice<Block>) -> (intro: ArraySlice<Block>, sections: [(Heading, ArraySlice<Block>)]) {
        var introEnd = blocks.endIndex
        var sections: [(Heading, ArraySlice<Block>)] = []
        var current: (heading: Heading, start: Int)?
        for index in blocks.indices {
            guard case .heading(let heading, _) = blocks[index] else { continue }
            if let open = current {
                sections.append((open.heading, blocks[open.start..<index]))
            } else {
                introEnd = index
            }
            current = (heading, index + 1)
        }
        if let open = current { sections.append((open.heading, blocks[open.start...])) }
        return (blocks[..<introEnd], sections)
    }
}

/// The terms of one run of consecutive entries, each numbered in a vocabulary of the run's own
/// so that a repeated term costs an array index rather than a hash of the whole postings table.
struct TermFiling: Sendable {
    private var table = TermTable()
    /// Per term (numbered by `table`), per field, ascending entries.
    private(set) var postings: [[[Int32]]] = []
    /// The text a term was last filed for, so each text files a term once.
    private var lastText: [Int] = []
    private var textCount = 0
    private var folder = SearchFolder()
    /// A CJK gram's UTF-8, reused.
    private var gram: [UInt8] = []

    var terms: [String] { (0..<table.count).map(table.term) }

    mutating func file(_ text: String, entry: Int32, field: SearchIndex.Field) {
        textCount += 1
        let textNumber = textCount
        // Moved out while it runs, so the closure can change the other fields without a copy of it.
        var folder = SearchFolder()
        swap(&folder, &self.folder)
        defer { self.folder = folder }
        folder.forEachRawToken(text) { token in
            switch token {
            case .word(let bytes):
                file(bytes, textNumber: textNumber, entry: entry, field: field)
            case .run(let scalars):
                // A CJK run's single characters, then its bigrams, as `SearchText.grams`.
                for index in scalars.indices {
                    fileGram(scalars[index...index], textNumber: textNumber, entry: entry, field: field)
                }
                for index in scalars.indices.dropLast() {
                    fileGram(scalars[index...index + 1], textNumber: textNumber, entry: entry, field: field)
                }
            }
        }
    }

    private mutating func fileGram(_ scalars: ArraySlice<Unicode.Scalar>, textNumber: Int, entry: Int32, field: SearchIndex.Field) {
        gram.removeAll(keepingCapacity: true)
        for scalar in scalars { gram.append(contentsOf: UTF8.encode(scalar)!) }
        let bytes = gram
        bytes.withUnsafeBufferPointer { file($0, textNumber: textNumber, entry: entry, field: field) }
    }

    private mutating func file(_ term: UnsafeBufferPointer<UInt8>, textNumber: Int, entry: Int32, field: SearchIndex.Field) {
        let (number, isNew) = table.number(of: term)
        if isNew {
            postings.append(Array(repeating: [], count: SearchIndex.Field.allCases.count))
            lastText.append(0)
        }
        guard lastText[number] != textNumber else { return }
        lastText[number] = textNumber
        postings[number][field.rawValue].append(entry)
    }

    /// One vocabulary for the whole site. Chunks come in entry order, so appending each chunk's
    /// list keeps every list ascending.
    static func merge(_ chunks: consuming [TermFiling]) -> (terms: [String], postings: [[[Int32]]]) {
        guard chunks.count > 1 else { return (chunks.first?.terms ?? [], chunks.first?.postings ?? []) }
        var numbers: [String: Int] = [:]
        var terms: [String] = []
        var postings: [[[Int32]]] = []
        for position in chunks.indices {
            // Each chunk is let go once merged, so its lists and the merged ones are not all held at once.
            let chunk = chunks[position]
            chunks[position] = TermFiling()
            for (local, term) in chunk.terms.enumerated() {
                let number: Int
                if let known = numbers[term] {
                    number = known
                } else {
                    number = terms.count
                    numbers[term] = number
                    terms.append(term)
                    postings.append(Array(repeating: [], count: SearchIndex.Field.allCases.count))
                }
                for field in chunk.postings[local].indices where !chunk.postings[local][field].isEmpty {
                    postings[number][field] += chunk.postings[local][field]
                }
            }
        }
        return (terms, postings)
    }
}
