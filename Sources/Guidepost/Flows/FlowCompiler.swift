import FlowKit

/// The flow step of the pipeline: finds the flows the content asks for, validates them against
/// the site's guides and compiles each to its JSON spec.
struct FlowCompiler {
    let model: SiteModel
    let catalog: [Flow]

    func compile() throws(BuildErrors) -> [String: CompiledFlow] {
        var log = ErrorLog()
        log.add(contentsOf: FlowErrors.validating(catalog))
        var used: [String] = []
        for guide in model.guides {
            var requests: [(id: String, line: Int?)] = []
            if let id = guide.flow { requests.append((id, guide.source.matter.lines["flow"])) }
            requests += guide.source.document.flows.map { ($0.id, $0.line + guide.source.bodyLineOffset) }
            for request in requests {
                if catalog.contains(where: { $0.id == request.id }) {
                    if !used.contains(request.id) { used.append(request.id) }
                } else {
                    log.add(BuildError(.flow, step: .flows, file: guide.source.displayPath, line: request.line,
                                       "there is no flow checker called `\(request.id)`",
                                       hint: "use one of: \(catalog.map { "`\($0.id)`" }.joined(separator: ", ")); flows are written in Sources/HelpFlows."))
                }
            }
        }
        try log.check()

        var compiled: [String: CompiledFlow] = [:]
        for id in used {
            guard let flow = catalog.first(where: { $0.id == id }) else { continue }
            do {
                compiled[id] = try compile(flow)
            } catch {
                log.add(contentsOf: error.errors)
            }
        }
        try log.check()
        return compiled
    }

    /// Validates one flow against the site's guides and compiles it.
    func compile(_ flow: Flow) throws(BuildErrors) -> CompiledFlow {
        let spec: FlowSpec
        do {
            spec = try flow.spec(resolveGuide: resolveGuide)
        } catch {
            throw BuildErrors(FlowErrors.errors(error, in: flow))
        }
        return try CompiledFlow(flow: flow, spec: spec)
    }

    private func resolveGuide(_ slug: String, _ anchor: String?) -> FlowSpec.GuideLink? {
        guard let guide = model.guides.first(where: { $0.slug == slug }) else { return nil }
        var url = guide.path.href(model.config.baseURL)
        if let anchor {
            guard LinkResolver.ids(of: guide.source.document).contains(anchor) else { return nil }
            url += "#" + LinkResolver.encodeFragment(anchor)
        }
        return FlowSpec.GuideLink(url: url, title: guide.title)
    }
}
