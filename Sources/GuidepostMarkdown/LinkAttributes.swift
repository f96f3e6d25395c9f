/// Attribute blocks written right after a link or an image, `[Help](https://…){.link-external}`
/// or `![Logo](logo.png){width=120}`: consumed so they never show as text, and a warning for
/// whatever they held that a reader would have seen.
enum LinkAttributes {
    static func strip(_ inlines: [Inline], diagnostics: inout [MarkdownDiagnostic]) -> [Inline] {
        var result: [Inline] = []
        result.reserveCapacity(inlines.count)
        var index = inlines.startIndex
        while index < inlines.endIndex {
            let inline = inlines[index]
            index += 1
            switch inline {
            case .emphasis(let children): result.append(.emphasis(strip(children, diagnostics: &diagnostics)))
            case .strong(let children): result.append(.strong(strip(children, diagnostics: &diagnostics)))
            case .strikethrough(let children): result.append(.strikethrough(strip(children, diagnostics: &diagnostics)))
            case .link(let link, let children), .image(let link, let children):
                let inner = strip(children, diagnostics: &diagnostics)
                result.append(link.isImage ? .image(link, inner) : .link(link, inner))
                index = consumeBlock(after: link, in: inlines, from: index, into: &result, diagnostics: &diagnostics)
            case .text, .softBreak, .lineBreak, .code, .html, .markup, .taskMarker, .footnoteReference: result.append(inline)
            }
        }
        return result
    }

    /// Reads the text nodes from `start` (cmark splits text at punctuation it may smarten);
    /// when they open with an attribute block, appends what follows the block and returns the
    /// index past them, else returns `start` with nothing appended.
    private static func consumeBlock(after link: Link, in inlines: [Inline], from start: Int,
                                     into result: inout [Inline], diagnostics: inout [MarkdownDiagnostic]) -> Int {
        guard start < inlines.endIndex, case .text(let first) = inlines[start], first.text.first == "{" else { return start }
        var end = start
        var joined = ""
        while end < inlines.endIndex, case .text(let literal) = inlines[end] {
            joined += literal.text
            end += 1
        }
        guard let close = joined.firstIndex(of: "}") else { return start }
        let inner = joined[joined.index(after: joined.startIndex)..<close]
        let what = link.isImage ? "the image `\(link.destination)`" : "the link to `\(link.destination)`"
        guard let block = AttributeBlock.parse(inner) else {
            if AttributeBlock.looksIntended(inner) {
                diagnostics.append(MarkdownDiagnostic(
                    line: link.line, column: link.column,
                    "`{\(inner)}` after \(what) is not an attribute block Guidepost reads, so it shows as text",
                    hint: "remove the braces, or escape the first one as `\\{` if the text is meant."))
            }
            return start
        }
        if let dropped = block.droppedDescription(keepingID: false) {
            diagnostics.append(MarkdownDiagnostic(
                line: link.line, column: link.column,
                "\(dropped) after \(what) \(dropped.contains(" and ") || dropped.contains(",") ? "are" : "is") dropped: Guidepost adds no ids, classes or attributes to links and images",
                hint: "remove the braces; to link to this spot, put the id on the heading above it as `{#id}`."))
        }
        let rest = joined[joined.index(after: close)...]
        if !rest.isEmpty { result.append(.text(TextRun(rest))) }
        return end
    }
}

extension SourceText {
    /// 1-based character column of the last `{` on `line`, where a heading's attribute block
    /// starts; 1 when there is none.
    func lastBraceColumn(line: Int) -> Int {
        let range = range(ofLine: line)
        guard let brace = bytes[range].lastIndex(of: UInt8(ascii: "{")) else { return 1 }
        return characterColumn(line: line, byteColumn: brace - range.lowerBound + 1)
    }
}
