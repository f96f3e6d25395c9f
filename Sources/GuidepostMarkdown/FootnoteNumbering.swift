/// Numbers footnote references in document order and gathers the notes they point to.
extension DocumentBuilder {
    private struct Numbering {
        /// Holds the headings' ids too, so that no note's id is a heading's.
        var ids: HeadingIDs
        var numbers: [String: Int] = [:]
        var notes: [Footnote] = []
        var keys: [String] = []
        var errors: [MarkdownDiagnostic] = []

        init(headings: [Heading]) {
            ids = HeadingIDs()
            for heading in headings { _ = ids.claim(heading.id) }
        }

        mutating func number(_ reference: FootnoteReference, defined: Bool) -> Inline {
            let key = reference.label.lowercased()
            guard defined else {
                errors.append(MarkdownDiagnostic(
                    line: reference.line, column: reference.column,
                    "the footnote `[^\(reference.label)]` has no definition",
                    hint: "add a line `[^\(reference.label)]: the note's text` (at the start of a line, outside lists and quotes), or remove the reference."))
                return .text(TextRun("[^\(reference.label)]"))
            }
            let number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = notes.count + 1
                numbers[key] = number
                keys.append(key)
                notes.append(Footnote(label: reference.label, number: number, id: ids.claim("fn-\(number)"), referenceIDs: [], blocks: []))
            }
            let uses = notes[number - 1].referenceIDs.count
            var numbered = reference
            numbered.number = number
            numbered.id = ids.claim(uses == 0 ? "fnref-\(number)" : "fnref-\(number)-\(uses + 1)")
            numbered.target = notes[number - 1].id
            notes[number - 1].referenceIDs.append(numbered.id)
            return .footnoteReference(numbered)
        }
    }

    /// `blocks` with their footnote references numbered and, when any note is referenced, the
    /// notes as a last block; and the references that point to no definition (errors).
    mutating func resolvingFootnotes(_ blocks: [Block], definitions: [Footnotes.Definition]) -> (blocks: [Block], errors: [MarkdownDiagnostic]) {
        var byKey: [String: Footnotes.Definition] = [:]
        for definition in definitions {
            if let first = byKey[definition.key] {
                diagnostics.append(MarkdownDiagnostic(
                    line: definition.line, column: definition.column,
                    "the footnote `[^\(definition.label)]` is defined again here; only the first definition, on line \(first.line), is shown",
                    hint: "give this note a label of its own, or merge the two."))
            } else {
                byKey[definition.key] = definition
            }
        }
        var numbering = Numbering(headings: headings)
        func numbered(_ blocks: [Block]) -> [Block] {
            blocks.map { block in
                block.rewritingInlines { inline in
                    guard case .footnoteReference(let reference) = inline else { return inline }
                    return numbering.number(reference, defined: byKey[reference.label.lowercased()] != nil)
                }
            }
        }
        var result = numbered(blocks)
        var next = 0
        while next < numbering.notes.count, let definition = byKey[numbering.keys[next]] {
            let body = parse(definition.body)
            numbering.notes[next].blocks = numbered(body)
            next += 1
        }
        for definition in definitions where numbering.numbers[definition.key] == nil && byKey[definition.key]?.line == definition.line {
            diagnostics.append(MarkdownDiagnostic(
                line: definition.line, column: definition.column,
                "the footnote `[^\(definition.label)]` is never referenced, so it is not shown",
                hint: "refer to it with `[^\(definition.label)]` where the note belongs, or remove the definition."))
        }
        if !numbering.notes.isEmpty { result.append(.footnotes(numbering.notes)) }
        return (result, numbering.errors)
    }


    /// A `[^x]` that cmark made a link: its `[^x]: …` was inside a list, where cmark took it
    /// for a link reference definition.
    mutating func warnIfFootnoteReadAsLink(_ link: Link) {
        let start = source.range(ofLine: link.line).lowerBound + link.column - 1
        guard !link.isImage, start + 1 < source.bytes.count,
              source.bytes[start] == UInt8(ascii: "["), source.bytes[start + 1] == UInt8(ascii: "^")
        else { return }
        diagnostics.append(MarkdownDiagnostic(
            line: link.line, column: source.characterColumn(line: link.line, byteColumn: link.column),
            "this footnote reference is read as a link to `\(link.destination)`: its definition is inside a list or a quote",
            hint: "move the `[^…]: …` definition out of the list or quote, to the start of a line."))
    }
}
