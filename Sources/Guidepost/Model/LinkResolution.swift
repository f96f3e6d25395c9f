extension LinkResolver {
    /// The URLs of every page's links, by page path, and every broken link. Pages are resolved on
    /// every core: a large site has hundreds of thousands of links.
    func resolveAll(_ pages: [SourcePage]) -> (links: [String: [String]], errors: [BuildError]) {
        let resolver = self
        let results = pages.parallelMap { resolver.resolve($0) }
        var links: [String: [String]] = [:]
        links.reserveCapacity(pages.count)
        var errors: [BuildError] = []
        for (page, result) in zip(pages, results) {
            links[page.path] = result.urls
            errors += result.errors
        }
        return (links, errors)
    }
}
