import Foundation
import GuidepostMarkdown

/// A Markdown file, read and parsed once.
struct SourcePage: Sendable {
    /// Path relative to the content folder, with `/` separators.
    var path: String
    /// Path as the author sees it in errors (`content/Account security/a.md`).
    var displayPath: String
    var matter: FrontMatter
    /// Body line N is line N + bodyLineOffset of the file.
    var bodyLineOffset: Int
    var document: MarkdownDocument
    /// A fingerprint of the file's bytes and the options it was parsed with: equal for equal
    /// parses, so what is made from the document alone can be reused (`RenderedBody`).
    var contentHash: UInt64 = 0
    /// The file's stamp, taken before it was read, when the cache asked for it (`BuildMemo`).
    var stamp: FileStamp?

    /// The fingerprint of a file's bytes parsed with `options` (`contentHash`).
    static func fingerprint(_ data: Data, _ options: MarkdownOptions) -> UInt64 {
        var hash = Fingerprint()
        data.withUnsafeBytes { hash.add(bytes: $0) }
        hash.tag(options.rawHTML.tag)
        return hash.value
    }

    /// What readers will not see as the author wrote it, at the file's own lines.
    var warnings: [CheckFinding] {
        matter.warnings + document.diagnostics.map { diagnostic in
            CheckFinding(file: displayPath, line: diagnostic.line + bodyLineOffset, column: diagnostic.column,
                         severity: .warning, message: diagnostic.message, hint: diagnostic.hint)
        }
    }

    /// What cannot be built as written, at the file's own lines.
    var errors: [BuildError] {
        document.errors.map { error in
            BuildError(.brokenLink, step: .load, file: displayPath, line: error.line + bodyLineOffset, column: error.column,
                       error.message, hint: error.hint)
        }
    }

    var folder: [String] { Array(path.split(separator: "/").dropLast().map(String.init)) }
    var fileStem: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}

/// Any other file in the content folder: an image or a download, copied to the site.
struct SourceFile: Sendable, Equatable {
    var path: String
    var displayPath: String
    /// Where to read it from on the file system.
    var location: String
}

struct LoadedContent: Sendable {
    var config: SiteConfig
    var pages: [SourcePage]
    var files: [SourceFile]
    /// Pages with `draft: true`, left out of `pages` (`apply(_:)`): links to them are errors.
    var drafts: [SourcePage] = []
    /// Files beside the guides left out of the site (`MediaPolicy.junk`), each with its warning.
    var skippedFiles: [CheckFinding] = []

    /// Every warning of site.yml, of the pages and of files left out, in file order.
    var warnings: [CheckFinding] { (config.warnings + pages.flatMap(\.warnings) + skippedFiles).sorted() }
}

/// Step one of the pipeline: reads `content/` into parsed pages, reporting every bad file.
struct ContentLoader: Sendable {
    let fileSystem: any FileSystem
    let contentRoot: String

    /// Reads and parses one Markdown file, by its path in the content folder.
    typealias PageSource = @Sendable (_ path: String, _ options: MarkdownOptions) throws(BuildError) -> SourcePage

    /// Reads and parses the content.
    func load() throws(BuildErrors) -> LoadedContent {
        let loader = self
        return try load { path, options throws(BuildError) in try loader.page(path, options: options) }
    }

    /// Reads the content, each Markdown file through `source`: `page(_:options:)`, or the
    /// cache's lookup around it (`BuildMemo.page(_:)`).
    func load(pages source: @escaping PageSource) throws(BuildErrors) -> LoadedContent {
        let (paths, markdownPaths) = try listContent()
        var log = ErrorLog()
        var config = SiteConfig()
        if paths.contains(SiteConfig.fileName) {
            do {
                config = try SiteConfig.parse(try readText(SiteConfig.fileName), file: display(SiteConfig.fileName))
            } catch {
                log.add(error)
            }
        }
        let options = MarkdownOptions(rawHTML: config.rawHTML)

        var pages: [SourcePage] = []
        pages.reserveCapacity(markdownPaths.count)
        for result in markdownPaths.parallelMap({ path in
            Result { () throws(BuildError) -> SourcePage in try source(path, options) }
        }) {
            switch result {
            case .success(let page):
                log.add(contentsOf: page.errors)
                pages.append(page)
            case .failure(let error): log.add(error)
            }
        }
        let policy = MediaPolicy(allowed: Set(config.mediaAllow))
        var files: [SourceFile] = [], skipped: [CheckFinding] = []
        for path in paths where !path.lowercased().hasSuffix(".md") && path != SiteConfig.fileName {
            let file = SourceFile(path: path, displayPath: display(path), location: join(contentRoot, path))
            switch policy.verdict(path) {
            case .publish: files.append(file)
            case .skip: skipped.append(policy.skipWarning(file))
            case .refuse: log.add(policy.refusal(file))
            }
        }
        log.add(contentsOf: config.brand.missingFiles(in: files, file: display(SiteConfig.fileName)))
        try log.check()
        return LoadedContent(config: config, pages: pages, files: files, skippedFiles: skipped)
    }

    /// Every file in the content folder, and the Markdown ones; an error when there is none.
    private func listContent() throws(BuildErrors) -> (all: [String], markdown: [String]) {
        guard fileSystem.isDirectory(contentRoot) else {
            throw BuildErrors([BuildError(.missingContent, step: .load, file: contentRoot,
                                          "the content folder does not exist",
                                          hint: "create it with at least one Markdown guide, or pass `--content <folder>`.")])
        }
        let paths: [String]
        do {
            paths = try fileSystem.files(under: contentRoot)
        } catch {
            throw BuildErrors([BuildError(.unreadableFile, step: .load, file: contentRoot, "the content folder could not be read: \(error.localizedDescription)")])
        }
        let markdownPaths = paths.filter { $0.lowercased().hasSuffix(".md") }
        guard !markdownPaths.isEmpty else {
            throw BuildErrors([BuildError(.emptyContent, step: .load, file: contentRoot,
                                          "the content folder has no Markdown (.md) files, so there is nothing to build",
                                          hint: "add a guide such as `\(display("first-guide.md"))`; docs/writing-guides.md shows its format.")])
        }
        return (paths, markdownPaths)
    }

    /// One Markdown file, read and parsed.
    func page(_ path: String, options: MarkdownOptions) throws(BuildError) -> SourcePage {
        try parse(path, try read(path), options: options)
    }

    /// The stamp of a file in the content folder, if the file system has stamps.
    func stamp(_ path: String) -> FileStamp? { fileSystem.stamp(join(contentRoot, path)) }

    func parse(_ path: String, _ data: Data, options: MarkdownOptions) throws(BuildError) -> SourcePage {
        let file = display(path)
        let text = try decodeText(data, path)
        let split = try FrontMatter.split(text, file: file)
        let matter = try split.yaml.map { yaml throws(BuildError) in
            try FrontMatter.parse(yaml, file: file, lineOffset: split.yamlLineOffset)
        } ?? FrontMatter()
        let document = MarkdownDocument.parse(split.body, options: options)
        if let line = document.tooDeep {
            throw BuildError(.unreadableFile, step: .load, file: file, line: line + split.bodyLineOffset,
                             "lists, quotes, emphasis or links here nest more than \(MarkdownDocument.maxNesting) levels deep, deeper than Guidepost reads",
                             hint: "flatten the nesting; no reader can follow more than a few levels.")
        }
        return SourcePage(path: path, displayPath: file, matter: matter, bodyLineOffset: split.bodyLineOffset, document: document,
                          contentHash: SourcePage.fingerprint(data, options))
    }

    /// Reads a file as UTF-8 text with `\n` line ends; anything else is the author's to fix.
    private func readText(_ path: String) throws(BuildError) -> String {
        try decodeText(try read(path), path)
    }

    func read(_ path: String) throws(BuildError) -> Data {
        do {
            return try fileSystem.read(join(contentRoot, path))
        } catch {
            throw BuildError(.unreadableFile, step: .load, file: display(path), "the file could not be read: \(error.localizedDescription)")
        }
    }

    private func decodeText(_ data: Data, _ path: String) throws(BuildError) -> String {
        guard var text = String(validating: data, as: UTF8.self) else {
            let offset = TextDecoding.firstInvalidUTF8Offset(in: data) ?? 0
            let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            throw BuildError(.invalidUTF8, step: .load, file: display(path), line: line,
                             "the file is not valid UTF-8 (byte \(offset + 1) cannot be read as text)",
                             hint: "save the file as UTF-8 in your editor; text copied from old documents often carries another encoding.")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text
    }

    func display(_ path: String) -> String { join(contentRoot, path) }
}

func join(_ folder: String, _ path: String) -> String {
    if folder.isEmpty || folder == "." { return path }
    return folder.hasSuffix("/") ? folder + path : folder + "/" + path
}

enum TextDecoding {
    /// Offset of the first byte that does not decode as UTF-8, or nil when all of it does.
    static func firstInvalidUTF8Offset(in data: Data) -> Int? {
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
