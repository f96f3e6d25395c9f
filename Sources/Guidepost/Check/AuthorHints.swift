import FlowKit
import Foundation
import GuidepostMarkdown

/// Problems a build lets through but readers notice: images a screen reader cannot describe,
/// guides listed without a summary, guides nothing leads to, heading outlines with gaps, and
/// guides a reader cannot tell apart by title.
///
/// Works on loaded pages rather than on the site model, so it still runs when a later step fails.
struct AuthorHints {
    let content: LoadedContent
    /// The flows guides may embed; a flow outcome is a way into the guide it names.
    let catalog: [Flow]
    /// Orphans are told only when every page loaded: one that failed may be the one linking.
    let allPagesLoaded: Bool

    var findings: [CheckFinding] {
        var findings: [CheckFinding] = []
        for page in content.pages {
            findings += imagesWithoutAltText(page)
            findings += skippedHeadingLevels(page)
        }
        let guides = content.pages.filter(\.isGuide)
        findings += guides.filter { $0.matter.summary == nil }.map(missingSummary)
        if allPagesLoaded { findings += orphans(guides) }
        findings += duplicateTitles(guides)
        return findings
    }

    private func warning(_ page: SourcePage, line: Int = 1, column: Int = 1, _ message: String, hint: String) -> CheckFinding {
        CheckFinding(file: page.displayPath, line: line, column: column, severity: .warning, message: message, hint: hint)
    }

    func imagesWithoutAltText(_ page: SourcePage) -> [CheckFinding] {
        ImageAltText.images(in: page.document.blocks)
            .filter { $0.alt.trimmed.isEmpty }
            .map { image in
                warning(page, line: image.link.line + page.bodyLineOffset, column: image.link.column,
                        "the image `\(image.link.destination)` has no alt text",
                        hint: "describe what it shows between the brackets, as in `![What the image shows](\(image.link.destination))`; screen readers read it aloud, and it shows when the image does not load.")
            }
    }

    /// The title is level 1 whether it is a `#` heading or only front matter, so the first
    /// heading below it should be level 2.
    func skippedHeadingLevels(_ page: SourcePage) -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var previous: Int?
        for heading in page.document.headings {
            if heading.level > (previous ?? 1) + 1 {
                let before = previous.map { "level \($0)" } ?? "the title (level 1)"
                findings.append(warning(page, line: heading.line + page.bodyLineOffset,
                                        "the heading `\(heading.text)` jumps from \(before) to level \(heading.level)",
                                        hint: "make it `\(String(repeating: "#", count: (previous ?? 1) + 1))`, or add the level in between; screen reader users move through a page by heading level, and a gap reads as missing content."))
            }
            previous = heading.level
        }
        return findings
    }

    func missingSummary(_ guide: SourcePage) -> CheckFinding {
        warning(guide, "the guide has no `summary`, so category lists, search results and link previews show its first paragraph instead",
                hint: "add `summary: …` to its front matter: one sentence on what the guide helps the reader do.")
    }

    /// A guide is an orphan when no other page links to it and no flow outcome leads to it.
    /// Its category lists it, but a reader only finds it by browsing there or by searching.
    func orphans(_ guides: [SourcePage]) -> [CheckFinding] {
        var linked: Set<String> = []
        for page in content.pages {
            for link in page.document.links where !link.isImage {
                if let target = Self.linkedFile(link.destination, from: page), target != page.path {
                    linked.insert(target)
                }
            }
        }
        let embedded = Set(guides.flatMap { [$0.matter.flow].compactMap { $0 } + $0.document.flows.map(\.id) })
        let outcomeSlugs = Set(catalog.filter { embedded.contains($0.id) }.flatMap(\.outcomes).map(\.guide))
        return guides
            .filter { !linked.contains($0.path) && !outcomeSlugs.contains($0.guideSlug) }
            .map { guide in
                warning(guide, "no other page links to this guide, so readers reach it only by browsing its category or searching",
                        hint: "link to it from a related guide, the FAQ or the home page's intro.")
            }
    }

    func duplicateTitles(_ guides: [SourcePage]) -> [CheckFinding] {
        var byTitle: [String: [(page: SourcePage, title: String)]] = [:]
        for guide in guides {
            guard let title = guide.matter.title ?? guide.document.title else { continue }
            byTitle[TitleKey.make(title), default: []].append((guide, title))
        }
        var findings: [CheckFinding] = []
        for group in byTitle.values where group.count > 1 {
            for entry in group {
                let others = group.filter { $0.page.path != entry.page.path }.map(\.page.displayPath).sorted()
                findings.append(warning(entry.page, line: Self.titleLine(entry.page, title: entry.title),
                                        "the title `\(entry.title)` is also the title of \(others.joined(separator: ", "))",
                                        hint: "give each guide a title that says how it differs; readers choose between guides in lists and search results by title alone."))
            }
        }
        return findings
    }

    /// The file a link points to, relative to the content folder, read the way `LinkResolver`
    /// reads it; nil for external links and links within the page.
    static func linkedFile(_ destination: String, from page: SourcePage) -> String? {
        let trimmed = destination.trimmed
        guard !trimmed.isEmpty, !LinkResolver.isExternal(trimmed) else { return nil }
        var rest = Substring(trimmed)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        guard !rest.isEmpty else { return nil }
        let decoded = String(rest).removingPercentEncoding ?? String(rest)
        return LinkResolver.normalize(decoded, from: decoded.hasPrefix("/") ? [] : page.folder)
    }

    /// Where the title is written: its front matter line, else its `#` heading.
    private static func titleLine(_ page: SourcePage, title: String) -> Int {
        if page.matter.title != nil, let line = page.matter.lines["title"] { return line }
        let heading = page.document.headings.first { $0.level == 1 && $0.text == title }
        return heading.map { $0.line + page.bodyLineOffset } ?? 1
    }
}

extension SourcePage {
    /// Whether the model step makes this page a guide (as `SiteModelBuilder` decides).
    var isGuide: Bool { matter.layout == .guide && path != "index.md" }

    /// The guide's slug, as `SiteModelBuilder` decides it; flow outcomes name guides by it.
    var guideSlug: String { matter.slug ?? Slug.make(fileStem, fallback: "guide") }
}

/// Titles compared the way a reader compares them: case and spacing do not make two different.
private enum TitleKey {
    static func make(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Finds the images of a document with their alt text, which is the image's inline content.
enum ImageAltText {
    static func images(in blocks: [Block]) -> [(link: Link, alt: String)] {
        var found: [(link: Link, alt: String)] = []
        for block in blocks { collect(block, into: &found) }
        return found
    }

    private static func collect(_ block: Block, into found: inout [(link: Link, alt: String)]) {
        for inlines in block.inlineGroups { collect(inlines, into: &found) }
        for child in block.childBlocks { collect(child, into: &found) }
    }

    private static func collect(_ inlines: [Inline], into found: inout [(link: Link, alt: String)]) {
        for inline in inlines {
            switch inline {
            case .image(let link, let children):
                found.append((link, text(of: children)))
                collect(children, into: &found)
            default:
                collect(inline.children, into: &found)
            }
        }
    }

    /// The text a screen reader would get: raw HTML is not text.
    private static func text(of inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let literal), .code(let literal): String(literal.text)
            case .softBreak, .lineBreak: " "
            case .html, .taskMarker, .footnoteReference: ""
            case .markup(let fragment): fragment.text
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, let children), .image(_, let children):
                text(of: children)
            }
        }.joined()
    }
}
