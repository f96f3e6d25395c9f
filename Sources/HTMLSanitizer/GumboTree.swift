import CGumbo

/// A node of parsed HTML, copied out of gumbo's tree so that no gumbo pointer outlives the parse.
enum HTMLNode: Sendable {
    indirect case element(HTMLElement)
    case text(String)
    /// Comments, and CDATA sections (which HTML outside SVG and MathML reads as comments).
    case comment(String)

    /// Whether it is an element or text other than whitespace.
    var isVisible: Bool {
        switch self {
        case .element: true
        case .text(let text): !text.trimmingASCIISpaces.isEmpty
        case .comment: false
        }
    }
}

struct HTMLElement: Sendable {
    enum Namespace: Sendable { case html, svg, mathML }

    /// Lowercased; for an element gumbo does not know, the name as written, lowercased.
    var name: String
    var namespace: Namespace
    var attributes: [HTMLAttribute]
    var children: [HTMLNode]
    /// Byte offset of the start tag in the input; nil when the parser made the element up
    /// (an implied `<tbody>`, a formatting element it reopened).
    var offset: Int?
    /// The element was closed without an end tag of its own.
    var closedImplicitly: Bool

    func attribute(_ name: String) -> HTMLAttribute? { attributes.first { $0.name == name } }
}

struct HTMLAttribute: Sendable {
    /// Lowercased.
    var name: String
    /// With character references decoded.
    var value: String
    /// Whether a value was written at all (`<details open>` has none).
    var hasValue: Bool
}

/// The only code that touches gumbo: parse, copy, free.
enum GumboTree {
    /// Where a fragment will stand, which decides how HTML5 parses it.
    enum Context { case body, paragraph }

    /// The nodes of `html` parsed as the content of `context`, and whether anything nested
    /// deeper than `maxDepth` was left out (what reads the copy recurses).
    static func parse(_ html: String, context: Context, maxDepth: Int) -> (nodes: [HTMLNode], tooDeep: Bool) {
        var options = kGumboDefaultOptions
        options.fragment_context = context == .body ? GUMBO_TAG_BODY : GUMBO_TAG_P
        options.fragment_namespace = GUMBO_NAMESPACE_HTML
        // The parse errors are not read; recording them would only cost memory.
        options.max_errors = 0
        var bytes = Array(html.utf8)
        bytes.append(0)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                withUnsafePointer(to: &options) { gumbo_parse_with_options($0, chars.baseAddress, html.utf8.count) }
            }
        }
        guard let output = parsed else { return ([], false) }
        defer { withUnsafePointer(to: &options) { gumbo_destroy_output($0, output) } }
        var copier = Copier(maxDepth: maxDepth)
        // A fragment's nodes are the children of the `html` element gumbo puts at its root.
        let nodes = copier.children(of: output.pointee.root, depth: 0)
        return (nodes, copier.tooDeep)
    }

    private struct Copier {
        let maxDepth: Int
        var tooDeep = false

        mutating func children(of pointer: UnsafeMutablePointer<GumboNode>?, depth: Int) -> [HTMLNode] {
            guard let node = pointer?.pointee else { return [] }
            guard node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE else { return [] }
            let vector = node.v.element.children
            guard vector.length > 0 else { return [] }
            guard depth < maxDepth else {
                tooDeep = true
                return []
            }
            var nodes: [HTMLNode] = []
            nodes.reserveCapacity(Int(vector.length))
            for index in 0..<Int(vector.length) {
                guard let child = vector.data[index]?.assumingMemoryBound(to: GumboNode.self) else { continue }
                if let copied = copy(child, depth: depth + 1) { nodes.append(copied) }
            }
            return nodes
        }

        private mutating func copy(_ pointer: UnsafeMutablePointer<GumboNode>, depth: Int) -> HTMLNode? {
            let node = pointer.pointee
            switch node.type {
            case GUMBO_NODE_TEXT, GUMBO_NODE_WHITESPACE:
                return .text(string(node.v.text.text))
            case GUMBO_NODE_CDATA, GUMBO_NODE_COMMENT:
                return .comment(string(node.v.text.text))
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                return .element(element(pointer, depth: depth))
            default:
                return nil
            }
        }

        private mutating func element(_ pointer: UnsafeMutablePointer<GumboNode>, depth: Int) -> HTMLElement {
            let node = pointer.pointee
            let element = node.v.element
            let flags = node.parse_flags.rawValue
            let madeUp = flags & (GUMBO_INSERTION_BY_PARSER.rawValue | GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT.rawValue
                | GUMBO_INSERTION_ADOPTION_AGENCY_CLONED.rawValue) != 0
            let namespace: HTMLElement.Namespace = switch element.tag_namespace {
            case GUMBO_NAMESPACE_SVG: .svg
            case GUMBO_NAMESPACE_MATHML: .mathML
            default: .html
            }
            return HTMLElement(
                name: Self.name(of: element), namespace: namespace,
                attributes: attributes(element.attributes),
                children: children(of: pointer, depth: depth),
                offset: madeUp || element.original_tag.length == 0 ? nil : Int(element.start_pos.offset),
                closedImplicitly: flags & GUMBO_INSERTION_IMPLICIT_END_TAG.rawValue != 0
            )
        }

        private func attributes(_ vector: GumboVector) -> [HTMLAttribute] {
            guard vector.length > 0 else { return [] }
            return (0..<Int(vector.length)).compactMap { index in
                guard let attribute = vector.data[index]?.assumingMemoryBound(to: GumboAttribute.self).pointee else { return nil }
                return HTMLAttribute(name: string(attribute.name).lowercased(), value: string(attribute.value),
                                     hasValue: attribute.original_value.length > 0)
            }
        }

        private static func name(of element: GumboElement) -> String {
            if element.tag != GUMBO_TAG_UNKNOWN, let known = gumbo_normalized_tagname(element.tag) {
                return String(cString: known)
            }
            // `original_tag` is the whole start tag as written: `<my-widget a=b>`.
            let piece = element.original_tag
            guard piece.length > 1, let data = piece.data else { return "" }
            let bytes = UnsafeRawBufferPointer(start: data, count: piece.length)
            let name = bytes.dropFirst().prefix { byte in
                !(byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte <= 0x20)
            }
            return String(decoding: name, as: UTF8.self).lowercased()
        }

        private func string(_ pointer: UnsafePointer<CChar>?) -> String {
            // gumbo replaces invalid UTF-8, so decoding loses nothing.
            pointer.map { String(cString: $0) } ?? ""
        }
    }
}
