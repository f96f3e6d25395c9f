import Foundation

/// What one in-memory build leaves for the next (`BuildPipeline.generate(reusing:)`): each
/// Markdown file's bytes and parse, each guide's body HTML, and each page's key and HTML.
/// Opaque to callers.
public struct BuildMemo: Sendable {
    var sources: [String: ParsedSource] = [:]
    var related: RelatedMemo?
    /// For a rebuild where only guides' bodies changed (`QuickRebuild`).
    var quick: QuickState?
    /// Each page's links as resolved, by source path.
    var links: [String: ResolvedLinks] = [:]
    var pages: [String: RenderedFile] = [:]
    /// Guides' body HTML by source path.
    var bodies: [String: RenderedBody] = [:]

    /// The template overrides the build read, from `--overrides` or site.yml: `sitegen serve`
    /// watches them without reading site.yml itself.
    public internal(set) var overrides: String?

    public init() {}
}

/// A page's key and bytes, as the last in-memory build made them.
struct RenderedFile: Sendable {
    var key: UInt64
    var data: Data
}
