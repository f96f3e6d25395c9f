import Foundation

extension LinkResolver {
    /// The URLs of every page's links, by page path, and every broken link. Pages are resolved on
    /// every core: a large site has hundreds of thousands of links.
    func resolveAll(_ pages: [SourcePage]) -> (links: [String: [String]], errors: [BuildError]) {
        let (links, errors, _) = resolveAll(pages, reusing: nil)
        return (links, errors)
    }

    /// As `resolveAll(_:)`, taking each page's links from `previous` (by page path) where they
    /// still hold, and returning every page's result for the next build.
    func resolveAll(_ pages: [SourcePage], reusing previous: [String: ResolvedLinks]?)
        -> (links: [String: [String]], errors: [BuildError], resolved: [String: ResolvedLinks]) {
        let resolver = self
        let results = pages.parallelMap { page in resolver.reuse(previous?[page.path], for: page) ?? resolver.resolve(page) }
        var links: [String: [String]] = [:]
        var resolved: [String: ResolvedLinks] = [:]
        links.reserveCapacity(pages.count)
        var errors: [BuildError] = []
        for (page, result) in zip(pages, results) {
            links[page.path] = result.urls
            errors += result.errors
            if previous != nil { resolved[page.path] = result }
        }
        return (links, errors, resolved)
    }
}

extension LinkResolver {
    /// `removingPercentEncoding` (the text itself when that fails), without Foundation's round
    /// trip through `NSString` for the usual link with no `%` in it, where the answer is the text.
    static func removingPercentEncoding(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "%")) ? (text.removingPercentEncoding ?? text) : text
    }
}
