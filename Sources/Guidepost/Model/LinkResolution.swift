import Foundation

extension LinkResolver {
    /// The URLs of every page's links, by page path, and every broken link. Pages are resolved on
    /// every core: a large site has hundreds of thousands of links.
    func resolveAll(_ pages: [SourcePage]) -> (links: [String: [String]], errors: [BuildError]) {
        let resolver = self
        return Self.collect(pages.parallelMap { resolver.resolve($0) })
    }

    /// Pages' results as `resolveAll(_:)` returns them.
    static func collect(_ results: [ResolvedLinks]) -> (links: [String: [String]], errors: [BuildError]) {
        var links: [String: [String]] = [:]
        links.reserveCapacity(results.count)
        var errors: [BuildError] = []
        for result in results {
            links[result.path] = result.urls
            errors += result.errors
        }
        return (links, errors)
    }
}

extension LinkResolver {
    /// `removingPercentEncoding` (the text itself when that fails), without Foundation's round
    /// trip through `NSString` for the usual link with no `%` in it, where the answer is the text.
    static func removingPercentEncoding(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }
}
