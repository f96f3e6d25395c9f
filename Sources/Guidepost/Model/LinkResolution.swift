import Foundation

extension LinkResolver {
    /// Every page's link URLs, by page path, and every broken link, from each page's
    /// `resolve(_:)` (resolved on every core: a large site has hundreds of thousands of links).
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
