import GuidepostSupport

/// Writes blocks and inlines into one buffer, following cmark's html.c layout
/// so that the output is the same for ordinary documents.
struct HTMLWriter {
    let renderer: HTMLRenderer
    var out = ""

    init(renderer: HTMLRenderer) {
        self.renderer = renderer
    }

    static let omitted = "<!-- raw HTML omitted -->"
    /// Set while writing a block for the sanitizer (`RawHTML`): inline HTML is written as it is
    /// and the byte range of each piece is added here.
    var authored: [Range<Int>]?

    /// cmark's `cr()`: start a new line unless at the start of one.
    mutating func newline() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") {
            out += "\n"
        }
    }

    /// `tight` is true for a paragraph directly inside an item of a tight list.
    mutating func write(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                write(inlines)
            } else {
                newline()
                out += "<p>"
                write(inlines)
                out += "</p>\n"
            }
        case .heading(let heading, let inlines):
            newline()
            out += "<h\(heading.level) id=\""
            HTMLEscaper.cmark.append(heading.id, to: &out)
            out += "\">"
            write(inlines)
            out += "</h\(heading.level)>\n"
        case .blockQuote(let children):
            newline()
            out += "<blockquote>\n"
            children.forEach { write($0, tight: false) }
            newline()
            out += "</blockquote>\n"
        case .callout(let kind, let children):
            newline()
            out += "<aside class=\"callout callout-\(kind.rawValue)\" aria-label=\"\(kind.title)\">\n"
            out += "<p class=\"callout-title\">\(kind.title)</p>\n"
            children.forEach { write($0, tight: false) }
            newline()
            out += "</aside>\n"
        case .list(let ordered, let start, let tight, let items):
            writeList(ordered: ordered, start: start, tight: tight, items: items)
        case .codeBlock(let info, let literal):
            writeCodeBlock(info: info, literal: literal)
        case .htmlBlock(let fragment):
            newline()
            write(fragment)
            newline()
        case .thematicBreak:
            newline()
            out += "<hr />\n"
        case .flow(let embed):
            newline()
            out += renderer.renderFlow(embed)
            newline()
        case .video(let video):
            newline()
            video.appendHTML(to: &out)
        case .table(let table):
            writeTable(table)
        case .footnotes(let notes):
            writeFootnotes(notes)
        }
    }

    private mutating func writeCodeBlock(info: String, literal: String) {
        newline()
        // cmark cuts at ASCII whitespace only; a no-break space stays part of the word.
        let language = info.unicodeScalars.prefix { !" \t\n\u{0B}\u{0C}\r".unicodeScalars.contains($0) }
        if language.isEmpty {
            out += "<pre><code>"
        } else {
            out += "<pre><code class=\"language-"
            HTMLEscaper.cmark.append(String(info[..<language.endIndex]), to: &out)
            out += "\">"
        }
        HTMLEscaper.cmark.append(literal, to: &out)
        out += "</code></pre>\n"
    }

    private mutating func writeList(ordered: Bool, start: Int, tight: Bool, items: [[Block]]) {
        newline()
        if !ordered {
            out += "<ul>\n"
        } else if start == 1 {
            out += "<ol>\n"
        } else {
            out += "<ol start=\"\(start)\">\n"
        }
        for item in items {
            newline()
            out += Self.isTask(item) ? "<li class=\"task\">" : "<li>"
            item.forEach { write($0, tight: tight) }
            out += "</li>\n"
        }
        out += ordered ? "</ol>\n" : "</ul>\n"
    }

    mutating func write(_ inlines: [Inline]) {
        for inline in inlines {
            write(inline)
        }
    }

    mutating func write(_ inline: Inline) {
        switch inline {
        case .text(let literal):
            HTMLEscaper.cmark.append(literal.text, to: &out)
        case .softBreak:
            out += "\n"
        case .lineBreak:
            out += "<br />\n"
        case .code(let literal):
            out += "<code>"
            HTMLEscaper.cmark.append(literal.text, to: &out)
            out += "</code>"
        case .html(let literal):
            if authored != nil {
                let start = out.utf8.count
                out.append(contentsOf: literal.text)
                authored?.append(start..<out.utf8.count)
            } else {
                // Only `RawHTMLMode.none` leaves inline HTML in the tree.
                out += Self.omitted
            }
        case .markup(let fragment):
            write(fragment)
        case .emphasis(let children):
            out += "<em>"
            write(children)
            out += "</em>"
        case .strong(let children):
            out += "<strong>"
            write(children)
            out += "</strong>"
        case .link(let link, let children):
            out += "<a href=\""
            writeURL(for: link)
            out += "\""
            writeTitle(link.title)
            out += ">"
            write(children)
            out += "</a>"
        case .image(let link, let alt):
            out += "<img src=\""
            writeURL(for: link)
            out += "\" alt=\""
            writeAlt(alt)
            out += "\""
            writeTitle(link.title)
            out += " loading=\"lazy\" />"
        case .strikethrough(let children):
            out += "<del>"
            write(children)
            out += "</del>"
        case .taskMarker(let checked):
            out += checked
                ? "<input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"Done\" /> "
                : "<input type=\"checkbox\" disabled=\"\" aria-label=\"Not done\" /> "
        case .footnoteReference(let reference):
            writeReference(reference)
        }
    }

    private mutating func writeURL(for link: Link) {
        let url = renderer.resolveLink(link)
        if URLSafety.isDangerous(url) {
            out += "#"
        } else {
            HTMLEscaping.appendEscapedURL(url, to: &out)
        }
    }

    private mutating func write(_ fragment: HTMLFragment) {
        for piece in fragment.pieces {
            switch piece {
            case .html(let html): out += html
            case .url(let link): writeURL(for: link)
            }
        }
    }

    private mutating func writeTitle(_ title: String) {
        guard !title.isEmpty else { return }
        out += " title=\""
        HTMLEscaper.cmark.append(title, to: &out)
        out += "\""
    }

    /// Alt text is the plain text of the image's description; cmark keeps inline HTML's
    /// source there (escaped, so harmless), and so does this.
    private mutating func writeAlt(_ inlines: [Inline]) {
        for inline in inlines {
            switch inline {
            case .text(let literal), .code(let literal), .html(let literal):
                HTMLEscaper.cmark.append(literal.text, to: &out)
            case .markup(let fragment):
                HTMLEscaper.cmark.append(fragment.text, to: &out)
            case .softBreak, .lineBreak:
                out += " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, let children), .image(_, let children):
                writeAlt(children)
            case .taskMarker, .footnoteReference:
                break
            }
        }
    }
}
