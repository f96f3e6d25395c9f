import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One step of cmark's iterator with everything the builder needs copied out of the node,
/// so that no cmark pointer leaves this file.
enum WalkEvent {
    /// `line` is cmark's start line of the node (for inline nodes, of their block).
    case enter(Container, line: Int)
    case exit
    case leaf(Leaf)
}

/// Where cmark says a block starts and ends (1-based; cmark's columns count bytes).
struct BlockSpan {
    var line: Int
    var column: Int
    var endLine: Int
}

enum Container {
    case document
    case blockQuote
    case list(ordered: Bool, start: Int, tight: Bool)
    case item
    case paragraph(BlockSpan)
    case heading(level: Int, BlockSpan)
    /// `column` is cmark's reported start column; see `InlineLocator` for why it needs fixing.
    case emphasis(column: Int)
    case strong(column: Int)
    case link(destination: String, title: String, column: Int)
    case image(destination: String, title: String, column: Int)
    /// Custom nodes never come out of cmark's parser; their children are kept if they ever do.
    case other
}

enum Leaf {
    case text(TextRun, column: Int)
    case code(TextRun, column: Int)
    case html(TextRun, column: Int)
    case softBreak
    case lineBreak
    case codeBlock(info: String, literal: String, line: Int)
    case htmlBlock(String, line: Int)
    case thematicBreak
}

/// The only code that touches cmark: parse, walk once, free.
enum CmarkWalker {
    static let parseOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Parses `utf8` with cmark and reports each iterator event to `visit`.
    /// The cmark tree is freed before this returns.
    static func walk(_ utf8: [UInt8], _ visit: (WalkEvent) -> Void) {
        let parsed: OpaquePointer? = utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                // cmark wants a pointer even for an empty document.
                guard let base = chars.baseAddress else { return "".withCString { cmark_parse_document($0, 0, parseOptions) } }
                return cmark_parse_document(base, chars.count, parseOptions)
            }
        }
        guard let root = parsed else { return }
        defer { cmark_node_free(root) }
        var arena = InlineArena(root)
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                visit(.exit)
            } else if let leaf = leaf(node, &arena) {
                visit(.leaf(leaf))
            } else {
                visit(.enter(container(node), line: Int(cmark_node_get_start_line(node))))
            }
        }
    }

    /// Every inline literal of a document (text, code, inline HTML) in one string, in the order
    /// the walk meets them, handed out as slices of it. A page has hundreds of text nodes; as
    /// strings of their own they were most of a parsed site's memory and allocations.
    struct InlineArena {
        private let storage: TextStorage
        private let starts: [Int]
        private var next = 0

        init(_ root: OpaquePointer) {
            // The literals stay valid while the tree does; measured first, so the one string
            // is allocated once at its size rather than grown (and left with room to spare).
            var literals: [UnsafeBufferPointer<UInt8>] = []
            if let iterator = cmark_iter_new(root) {
                while true {
                    let event = cmark_iter_next(iterator)
                    if event == CMARK_EVENT_DONE { break }
                    guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), Self.isInline(node) else { continue }
                    guard let literal = cmark_node_get_literal(node) else {
                        literals.append(UnsafeBufferPointer(start: nil, count: 0))
                        continue
                    }
                    let count = strlen(literal)
                    literals.append(literal.withMemoryRebound(to: UInt8.self, capacity: count) { UnsafeBufferPointer(start: $0, count: count) })
                }
                cmark_iter_free(iterator)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(literals.reduce(0) { $0 + $1.count })
            var starts: [Int] = []
            starts.reserveCapacity(literals.count + 1)
            for literal in literals {
                starts.append(bytes.count)
                bytes.append(contentsOf: literal)
            }
            starts.append(bytes.count)
            // cmark validated (or replaced) the UTF-8 already, so decoding changes no byte and
            // every run's offsets hold; if it ever did, each literal is decoded on its own.
            let text = String(decoding: bytes, as: UTF8.self)
            if text.utf8.count == bytes.count {
                storage = TextStorage(text)
                self.starts = starts
            } else {
                var repaired = "", fixed = [0]
                for literal in literals {
                    repaired += String(decoding: literal, as: UTF8.self)
                    fixed.append(repaired.utf8.count)
                }
                storage = TextStorage(repaired)
                self.starts = fixed
            }
        }

        static func isInline(_ node: OpaquePointer) -> Bool {
            let type = cmark_node_get_type(node)
            return type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE
        }

        /// The next literal, in walk order.
        mutating func take() -> TextRun {
            guard next + 1 < starts.count else { return "" }
            defer { next += 1 }
            return TextRun(storage, start: starts[next], count: starts[next + 1] - starts[next])
        }
    }

    /// Leaf nodes get only an ENTER event from cmark's iterator; containers get ENTER and EXIT.
    private static func leaf(_ node: OpaquePointer, _ arena: inout InlineArena) -> Leaf? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: .text(arena.take(), column: Int(cmark_node_get_start_column(node)))
        case CMARK_NODE_CODE: .code(arena.take(), column: Int(cmark_node_get_start_column(node)))
        case CMARK_NODE_HTML_INLINE: .html(arena.take(), column: Int(cmark_node_get_start_column(node)))
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE_BLOCK:
            .codeBlock(
                info: string(cmark_node_get_fence_info(node)),
                literal: literal(node),
                line: Int(cmark_node_get_start_line(node))
            )
        case CMARK_NODE_HTML_BLOCK: .htmlBlock(literal(node), line: Int(cmark_node_get_start_line(node)))
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        default: nil
        }
    }

    private static func container(_ node: OpaquePointer) -> Container {
        let column = Int(cmark_node_get_start_column(node))
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0
            )
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_PARAGRAPH: return .paragraph(span(node))
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), span(node))
        case CMARK_NODE_EMPH: return .emphasis(column: column)
        case CMARK_NODE_STRONG: return .strong(column: column)
        case CMARK_NODE_LINK:
            return .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), column: column)
        case CMARK_NODE_IMAGE:
            return .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)), column: column)
        default: return .other
        }
    }

    private static func span(_ node: OpaquePointer) -> BlockSpan {
        BlockSpan(
            line: Int(cmark_node_get_start_line(node)),
            column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node))
        )
    }

    private static func literal(_ node: OpaquePointer) -> String {
        string(cmark_node_get_literal(node))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        // cmark validated (or replaced) the UTF-8 already, so decoding cannot lose text.
        pointer.map { String(cString: $0) } ?? ""
    }
}
