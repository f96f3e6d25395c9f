import Foundation
@_spi(Untyped) import FlowKit
import Testing
@testable import Guidepost

/// A theme small enough to read in a test, so unit tests don't change when the real theme does.
let minimalTheme: [String: String] = [
    "templates/home.mustache": "home|{{page.title}}|{{#home.categories}}[{{name}}:{{#guides}}{{title}}>{{url}};{{/guides}}]{{/home.categories}}|{{{home.introHTML}}}",
    "templates/category.mustache": "category|{{category.name}}|{{#category.guides}}{{title}};{{/category.guides}}|{{#breadcrumbs}}{{name}}>{{url}};{{/breadcrumbs}}",
    "templates/guide.mustache": "guide|{{guide.title}}|{{page.canonical}}|{{{guide.flowHTML}}}{{{guide.contentHTML}}}|{{#guide.toc}}{{id}};{{/guide.toc}}|{{#guide.related}}{{title}};{{/guide.related}}|{{assets.site_css}}|{{{jsonLD}}}",
    "templates/faq.mustache": "faq|{{faq.title}}|{{#faq.questions}}{{id}}={{question}};{{/faq.questions}}",
    "templates/404.mustache": "404|{{page.title}}",
    "templates/assets/site.css": "body{}",
    "templates/partials/flow-widget.mustache": "[flow:{{flow.id}}|{{#flow.question}}{{prompt}}:{{#options}}{{label}}>{{url}};{{/options}}{{/flow.question}}|{{{flow.specJSON}}}]",
    "templates/flow-step.mustache": "step|{{page.title}}|{{#page.noindex}}noindex|{{/page.noindex}}{{#flowStep.question}}{{#options}}{{label}}>{{url}};{{/options}}{{/flowStep.question}}{{#flowStep.outcome}}{{guideURL}}{{/flowStep.outcome}}{{#flowStep.answers}}|{{label}}<{{changeURL}}{{/flowStep.answers}}",
]

func guideFile(_ title: String, body: String = "Text.", extra: String = "") -> String {
    "---\ntitle: \(title)\n\(extra)---\n\(body)\n"
}

/// Builds a site from an in-memory tree: `files` are paths below `content/`.
func generate(_ files: [String: String], theme: [String: String] = minimalTheme, baseURL: String? = nil,
              flows: [Flow] = [testFlow]) throws(BuildErrors) -> SiteOutput {
    var tree = theme
    for (path, text) in files { tree["content/" + path] = text }
    let options = BuildOptions(baseURL: baseURL.flatMap(BaseURL.init))
    var pipeline = BuildPipeline(options: options, fileSystem: InMemoryFileSystem(tree))
    pipeline.flowCatalog = flows
    return try pipeline.generate()
}

/// A two-question flow whose outcomes link to the guides `a` and `b#deep`.
let testFlow = Flow(id: "pick", title: "Pick one", intro: "Answer <two> questions.", start: "first") {
    Question("first", "First?") {
        Option("left", "Left", next: "second")
        Option("right", "Right", next: "go-b")
    }
    Question("second", "Second?") {
        Option("up", "Up", next: "go-a")
        Option("down", "Down", next: "go-b")
    }
    Outcome("go-a", title: "Read A", summary: "A fits.", guide: "a")
    Outcome("go-b", title: "Read B", summary: "B fits.", guide: "b", anchor: "deep")
}

/// The errors a build of `files` stops with; records a test failure if it succeeds.
func buildErrors(_ files: [String: String], theme: [String: String] = minimalTheme, flows: [Flow] = [testFlow],
                 sourceLocation: SourceLocation = #_sourceLocation) -> [BuildError] {
    do {
        _ = try generate(files, theme: theme, flows: flows)
        Issue.record("the build succeeded, but it should have failed", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors
    }
}

/// The repository's root, found from this file's place in it.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh empty folder on disk, removed by the caller with `cleanUp`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("guidepost-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func writeTree(_ files: [String: String], to root: URL) throws {
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}

/// Every file below `root` with its bytes, for comparing whole trees.
func readTree(_ root: URL) throws -> [String: Data] {
    let paths = try LocalFileSystem().files(under: root.path)
    var result: [String: Data] = [:]
    for path in paths { result[path] = try Data(contentsOf: root.appendingPathComponent(path)) }
    return result
}

/// Every entry below `root`, hidden ones too (a build's staging folders are hidden), with its
/// bytes; folders end in `/` and hold no bytes, so an empty folder left behind shows.
func readEverything(_ root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    while let path = enumerator?.nextObject() as? String {
        let url = root.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
        result[path + (isDirectory.boolValue ? "/" : "")] = isDirectory.boolValue ? Data() : try Data(contentsOf: url)
    }
    return result
}
