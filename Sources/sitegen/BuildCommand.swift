import ArgumentParser
import Foundation
import Guidepost

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site (the default).",
        discussion: """
            Nothing is written until the whole site has been built and checked, so a build that \
            finds an error leaves the previous site exactly as it was. After a first build, only \
            the files that change are rewritten (the cache is in .sitegen-cache beside the output \
            folder); the result is always what a clean build would give. A clean build writes into \
            a staging folder and swaps it in whole.
            """
    )

    @OptionGroup var sources: SourceFolders

    @Option(help: ArgumentHelp("Where the site is written; replaced whole on success.", valueName: "folder"))
    var output = BuildOptions.defaultOutput

    @Option(help: ArgumentHelp("The build cache's folder (default: .sitegen-cache beside the output folder).", valueName: "folder"))
    var cache: String?

    @Flag(help: "Ignore the build cache and rebuild every file.")
    var clean = false

    @Flag(help: "Treat warnings as errors: stop before writing anything when there is one.")
    var strict = false

    @Flag(help: "Publish pages marked `draft: true` too.")
    var drafts = false

    @Flag(help: "Print how long each step of the build took.")
    var timings = false

    @Option(help: ArgumentHelp("Where the site will be served, e.g. https://example.com/help/ (overrides site.yml's baseURL).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL, such as https://example.com/help/ (got '\(baseURL)').")
        }
    }

    func run() throws {
        let started = Date()
        let options = BuildOptions(content: sources.content, templates: sources.templates, overrides: sources.overrides,
                                   output: output, baseURL: baseURL.flatMap(BaseURL.init), cacheFolder: cache, incremental: !clean,
                                   strict: strict, drafts: drafts)
        let progress = ProgressLine.forStandardError()
        do {
            var pipeline = BuildPipeline(options: options, progress: progress.report)
            let steps = StepLog()
            if timings { pipeline.timings = { steps.append($0) } }
            let summary = try pipeline.build()
            progress.finish()
            if !summary.warnings.isEmpty {
                Terminal.err(summary.warnings.map { warning in
                    // The hint carries the fix ("did you mean `summary`?"), as it does for errors.
                    warning.description + "\n" + (warning.hint.map { "  hint: \($0)\n" } ?? "")
                }.joined())
            }
            let seconds = Date().timeIntervalSince(started)
            let pages = summary.pageCount == 1 ? "1 page" : "\(summary.pageCount) pages"
            let files = summary.written == 1 ? "1 file" : "\(summary.written) files"
            let how = summary.cleanBecause.map { "clean build: \($0)" }
                ?? "\(files) rewritten, \(summary.removed) removed, the rest unchanged"
            let warned = summary.warnings.isEmpty ? "" : summary.warnings.count == 1 ? ", 1 warning" : ", \(summary.warnings.count) warnings"
            let drafted = summary.drafts == 0 ? "" : summary.drafts == 1 ? ", 1 draft not published" : ", \(summary.drafts) drafts not published"
            Terminal.out("Built \(pages) in \(String(format: "%.2f", seconds)) s → \(summary.output)/ (\(how))\(warned)\(drafted)\n")
            if timings { Terminal.err("  \(StepTiming.line(steps.all)) · \(Allocator.name)\n") }
            if let warning = summary.cacheWarning { Terminal.err("warning: \(warning)\n") }
        } catch {
            progress.finish()
            Terminal.err("\(error)\n\(output)/ was left as it was.\n")
            throw ExitCode(1)
        }
    }
}
