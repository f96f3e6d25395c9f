import FlowKit

extension BuildPipeline {
    /// The JSON spec of a flow exactly as the site embeds it (guide URLs resolved against the
    /// content), for tools and for tests that compare the browser with Swift.
    public func flowSpecJSON(_ id: String) throws(BuildErrors) -> String? {
        var content = try ContentLoader(fileSystem: fileSystem, contentRoot: options.content).load()
        if let baseURL = options.baseURL { content.config.baseURL = baseURL }
        let model = try SiteModelBuilder(content: content).build()
        guard let flow = flowCatalog.first(where: { $0.id == id }) else { return nil }
        let compiler = FlowCompiler(model: model, catalog: flowCatalog)
        return try compiler.compile(flow).json
    }
}
