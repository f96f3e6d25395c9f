import FlowKit

/// A flow used by the site, compiled once: its spec and where its static pages live.
struct CompiledFlow: Sendable {
    var flow: Flow
    var spec: FlowSpec
    /// The spec as it is embedded in pages and published beside them.
    var json: String

    /// `/flows/<id>/` shows the first question; every other node has a page of its own.
    var entryPath: SitePath { SitePath(["flows", flow.id], directory: true) }
    var specPath: SitePath { SitePath(["flows", flow.id, "spec.json"], directory: false) }

    func path(of node: String) -> SitePath {
        node == flow.start ? entryPath : SitePath(["flows", flow.id, node], directory: true)
    }
}

/// The flow step of the pipeline: finds the flows the content asks for, validates them against
/// the site's guides and compiles each to its JSON spec.
struct FlowCompiler {
    let model: SiteModel
    let catalog: [Flow]

    func compile() throws(BuildErrors) -> [String: CompiledFlow] {
        var log = ErrorLog()
        var used: [String] = []
        // A flow's own errors are reported where a guide first embeds it: that is the file an
        // author can open, and the line to remove if the flow can't be fixed.
        var embeddedAt: [String: (file: String, line: Int?)] = [:]
        for guide in model.guides {
            var requests: [(id: String, line: Int?)] = []
            if let id = guide.flow { requests.append((id, guide.source.matter.lines["flow"])) }
            requests += guide.source.document.flows.map { ($0.id, $0.line + guide.source.bodyLineOffset) }
            for request in requests {
                if catalog.contains(where: { $0.id == request.id }) {
                    if embeddedAt[request.id] == nil {
                        used.append(request.id)
                        embeddedAt[request.id] = (guide.source.displayPath, request.line)
                    }
                } else {
                    log.add(BuildError(.flow, step: .load, file: guide.source.displayPath, line: request.line,
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
                compiled[id] = try compile(flow, embeddedAt: embeddedAt[id])
            } catch {
                log.add(contentsOf: error.errors)
            }
        }
        try log.check()
        return compiled
    }

    /// Validates one flow against the site's guides and compiles it.
    func compile(_ flow: Flow, embeddedAt place: (file: String, line: Int?)? = nil) throws(BuildErrors) -> CompiledFlow {
        do {
            let spec = try flow.spec(resolveGuide: resolveGuide)
            return CompiledFlow(flow: flow, spec: spec, json: spec.json())
        } catch {
            throw BuildErrors([BuildError(.flow, step: .load, file: place?.file ?? "Sources/HelpFlows", line: place?.line,
                                          "the flow `\(flow.id)` embedded here is broken: \(error.description)",
                                          hint: "fix the flow in Sources/HelpFlows, or remove it from this guide.")])
        }
    }

    private func resolveGuide(_ slug: String, _ anchor: String?) -> FlowSpec.GuideLink? {
        guard let guide = model.guides.first(where: { $0.slug == slug }) else { return nil }
        var url = guide.path.href(model.config.baseURL)
        if let anchor {
            guard guide.source.document.headings.contains(where: { $0.id == anchor }) else { return nil }
            url += "#" + LinkResolver.encodeFragment(anchor)
        }
        return FlowSpec.GuideLink(url: url, title: guide.title)
    }
}
