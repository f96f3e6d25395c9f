import Foundation
import Mustache

/// The templates and assets a site is rendered with: the theme folder, with any file of the
/// overrides folder replacing the theme's file of the same path (Toucan's idea).
struct Theme: Sendable {
    struct Asset: Sendable {
        var name: String
        var path: SitePath
        var data: Data
    }

    var library: MustacheLibrary
    var templateNames: Set<String>
    var assets: [Asset]
    /// `assets.site_css` style keys for templates, to fingerprinted URLs.
    var assetURLs: [String: String]
    /// Every template's name and text: part of each page's key in an incremental build.
    var fingerprint: UInt64 = 0

    static let pageTemplates = ["home", "category", "guide", "faq", "404"]
    /// Needed only by sites that embed a flow checker.
    static let flowTemplates = ["flow-step", "partials/flow-widget"]

    /// Reports the templates a site's flows need but the theme lacks.
    func checkFlowTemplates(root: String) throws(BuildErrors) {
        let missing = Self.flowTemplates.filter { !templateNames.contains($0) }
        guard !missing.isEmpty else { return }
        throw BuildErrors(missing.map { name in
            BuildError(.missingTemplates, step: .theme, file: join(root, name + ".mustache"),
                       "the content embeds a flow checker, but the theme has no `\(name).mustache`",
                       hint: "restore it from Guidepost's templates/ folder.")
        })
    }

    static func assetKey(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }
}

/// Step three's preparation: reads and checks the theme once per build.
struct ThemeLoader {
    let fileSystem: any FileSystem
    let templatesRoot: String
    let overridesRoot: String?

    /// `brand`'s colours are compiled into the theme's `site.css` (`BrandStylesheet`);
    /// `configFile` is the site.yml they came from, for errors.
    func load(base: BaseURL, brand: Branding = Branding(), configFile: String? = nil) throws(BuildErrors) -> Theme {
        try checkFolders()
        var log = ErrorLog()
        // swift-mustache finds the content type a `{{% CONTENT_TYPE: … }}` pragma names in its
        // process-wide registry, the only hook it has for escaping; ours must be there before
        // the first template is parsed. Registering is idempotent (once per process).
        HTMLEscapingContentType.register()
        var library = MustacheLibrary()
        var templateTexts: [(name: String, file: String, text: String)] = []
        var assets: [Theme.Asset] = []
        var assetURLs: [String: String] = [:]
        for (path, file) in sources(log: &log).sorted(by: { $0.key < $1.key }) {
            let data: Data
            do { data = try fileSystem.read(file) } catch {
                log.add(BuildError(.unreadableFile, step: .theme, file: file, "the file could not be read: \(error.localizedDescription)"))
                continue
            }
            if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                if let text = Self.register(data, named: name, file: file, in: &library, log: &log) { templateTexts.append((name, file, text)) }
            } else if path.hasPrefix("assets/") {
                let name = String(path.dropFirst("assets/".count))
                let data = name == "site.css" ? try BrandStylesheet.compile(data, brand: brand, configFile: configFile) : data
                let sitePath = Self.fingerprinted(name, data: data)
                assets.append(Theme.Asset(name: name, path: sitePath, data: data))
                assetURLs[Theme.assetKey(name)] = sitePath.href(base)
            }
        }
        let names = Set(templateTexts.map(\.name))
        checkReferences(templateTexts, names: names, log: &log)
        try log.check()
        var print = Fingerprint()
        for template in templateTexts {
            print.add(template.name)
            print.add(template.text)
        }
        return Theme(library: library, templateNames: names, assets: assets, assetURLs: assetURLs, fingerprint: print.value)
    }

    private func checkFolders() throws(BuildErrors) {
        guard fileSystem.isDirectory(templatesRoot) else {
            throw BuildErrors([BuildError(.missingTemplates, step: .theme, file: templatesRoot,
                                          "the templates folder does not exist",
                                          hint: "pass the theme folder with `--templates <folder>`; the project's own is `templates/`.")])
        }
        if let overridesRoot, !fileSystem.isDirectory(overridesRoot) {
            throw BuildErrors([BuildError(.missingTemplates, step: .theme, file: overridesRoot,
                                          "the template overrides folder does not exist",
                                          hint: "create it, or remove `templateOverrides` from site.yml / `--overrides`.")])
        }
    }

    /// Each theme file's full path by its path in the theme. Later roots win: the theme first,
    /// then the overrides.
    private func sources(log: inout ErrorLog) -> [String: String] {
        var sources: [String: String] = [:]
        for root in [templatesRoot, overridesRoot].compactMap({ $0 }) {
            do {
                for path in try fileSystem.files(under: root) { sources[path] = join(root, path) }
            } catch {
                log.add(BuildError(.missingTemplates, step: .theme, file: root, "the folder could not be read: \(error.localizedDescription)"))
            }
        }
        return sources
    }

    /// Parses one template into `library`; its text, or nil after logging why it can't be used.
    /// Every template, partials included, is parsed with Guidepost's byte-wise HTML escaping:
    /// swift-mustache gives each partial the default `HTML` content type again, so each needs
    /// the pragma of its own.
    private static func register(_ data: Data, named name: String, file: String, in library: inout MustacheLibrary,
                                 log: inout ErrorLog) -> String? {
        guard let text = String(validating: data, as: UTF8.self) else {
            log.add(BuildError(.invalidUTF8, step: .theme, file: file, "the template is not valid UTF-8", hint: "save it as UTF-8."))
            return nil
        }
        do {
            library.register(try HTMLEscapingContentType.parse(text), named: name)
            return text
        } catch {
            if let line = error.line, let lineText = error.lineText {
                log.add(BuildError(.template, step: .theme, file: file, line: line,
                                   "the template could not be read: \(error.underlying) near `\(lineText.trimmed)`"))
            } else {
                log.add(BuildError(.template, step: .theme, file: file, "the template could not be read: \(error.underlying)"))
            }
            return nil
        }
    }

    /// Every page template is there, and every partial a template includes.
    private func checkReferences(_ templates: [(name: String, file: String, text: String)], names: Set<String>, log: inout ErrorLog) {
        for required in Theme.pageTemplates where !names.contains(required) {
            log.add(BuildError(.missingTemplates, step: .theme, file: join(templatesRoot, required + ".mustache"),
                               "the theme has no `\(required).mustache`, which every site needs",
                               hint: "restore it from Guidepost's templates/ folder."))
        }
        for template in templates {
            for reference in Self.partialReferences(in: template.text) where !names.contains(reference.name) {
                log.add(BuildError(.missingPartial, step: .theme, file: template.file, line: reference.line,
                                   "the template includes the partial `\(reference.name)`, which does not exist",
                                   hint: "create `\(reference.name).mustache` in the templates folder, or fix the name."))
            }
        }
    }

    /// `site.css` → `assets/site.<hash>.css`, so the file can be cached forever.
    static func fingerprinted(_ name: String, data: Data) -> SitePath {
        var parts = name.split(separator: "/").map(String.init)
        let file = parts.removeLast()
        let hash = ContentHash.fingerprint(data)
        let stamped: String
        if let dot = file.lastIndex(of: "."), dot != file.startIndex {
            stamped = "\(file[..<dot]).\(hash)\(file[dot...])"
        } else {
            stamped = "\(file).\(hash)"
        }
        return SitePath(["assets"] + parts + [stamped], directory: false)
    }

    /// Names used in `{{> name}}` and `{{< name}}` tags, with their lines: Mustache renders a
    /// missing partial as nothing, which would ship a page with a hole in it.
    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        var result: [(String, Int)] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            let char = text[index]
            if char == "\n" { line += 1 }
            if char == "{", text[index...].hasPrefix("{{>") || text[index...].hasPrefix("{{<") {
                let nameStart = text.index(index, offsetBy: 3)
                if let close = text[nameStart...].range(of: "}}") {
                    let name = text[nameStart..<close.lowerBound].trimmed
                    if !name.isEmpty, !name.hasPrefix("*") { result.append((name, line)) }
                }
            }
            index = text.index(after: index)
        }
        return result
    }
}
