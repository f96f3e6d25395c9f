import Yams

extension PageFeatures {
    /// The directives site.yml may add sources to. Others are left out on purpose: `base-uri`,
    /// `object-src` and `sandbox` guard the site itself, and `frame-ancestors` and `report-uri`
    /// do nothing in the `<meta>` tag, which must say the same as `_headers`.
    static let extensibleDirectives = [
        "default-src", "script-src", "style-src", "img-src", "connect-src", "font-src", "frame-src",
        "media-src", "worker-src", "manifest-src", "child-src", "form-action",
    ]

    /// `contentSecurityPolicy: {img-src: [https://cdn.example.com], …}`. A source is one word
    /// without quotes, semicolons, commas or spaces: a host, a scheme (`https:`) or an origin.
    /// Quoted keywords such as `'unsafe-inline'` are refused, since they would undo the strict policy.
    static func readPolicy(_ yaml: YAMLReader) throws(BuildError) -> [PolicySources] {
        guard let policy = try yaml.reader("contentSecurityPolicy") else { return [] }
        var result: [PolicySources] = []
        for (key, value) in policy.mapping {
            let line = (key.mark?.line).map { $0 + yaml.lineOffset }
            let name = key.string ?? ""
            guard extensibleDirectives.contains(name) else {
                let closest = EditDistance.closest(to: name, in: extensibleDirectives).map { "did you mean `\($0)`? " } ?? ""
                throw BuildError(.config, step: .load, file: yaml.file, line: line,
                                 "`\(name)` is not a directive site.yml can add sources to",
                                 hint: closest + "the directives are " + extensibleDirectives.map { "`\($0)`" }.joined(separator: ", ") + ".")
            }
            let items = value.sequence.map(Array.init) ?? [value]
            var sources: [String] = []
            for item in items {
                let itemLine = (item.mark?.line).map { $0 + yaml.lineOffset } ?? line
                guard let source = item.scalar?.string, isValidSource(source) else {
                    throw BuildError(.config, step: .load, file: yaml.file, line: itemLine,
                                     "`\(item.scalar?.string ?? "this value")` is not a source `\(name)` can take: a source is one host, origin or scheme, without quotes, semicolons, commas or spaces",
                                     hint: "write one source per list item, for example `\(name): [https://cdn.example.com]`; keywords such as 'unsafe-inline' can't be added.")
                }
                sources.append(source)
            }
            result.append(PolicySources(directive: name, sources: sources))
        }
        return result
    }

    static func isValidSource(_ source: String) -> Bool {
        !source.isEmpty && source.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && scalar.value > 0x20 && scalar.value < 0x7F && !"'\";,".unicodeScalars.contains(scalar)
        }
    }
}
