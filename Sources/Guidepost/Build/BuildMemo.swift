import Foundation

/// What one in-memory build leaves for the next (`BuildPipeline.generate(reusing:)`): each
/// Markdown file's bytes and parse, and each page's key and HTML. Opaque to callers.
public struct BuildMemo: Sendable {
    var sources: [String: ParsedSource] = [:]
    var pages: [String: RenderedFile] = [:]

    public init() {}

    init(sources: [String: ParsedSource], pages: [String: RenderedFile]) {
        self.sources = sources
        self.pages = pages
    }
}

/// A page's key and bytes, as the last in-memory build made them.
struct RenderedFile: Sendable {
    var key: UInt64
    var data: Data
}
