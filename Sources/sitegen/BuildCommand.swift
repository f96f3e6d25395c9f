import ArgumentParser
import Foundation
import Guidepost

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site (the default).",
        discussion: """
            Writes into a staging folder and swaps it into the output folder only when the whole \
            site is built, so a failed build leaves the previous site exactly as it was.
            """
    )

    @Option(help: ArgumentHelp("The folder of Markdown guides and site.yml.", valueName: "folder"))
    var content = "content"

    @Option(help: ArgumentHelp("The theme: Mustache templates and assets/.", valueName: "folder"))
    var templates = "templates"

    @Option(help: ArgumentHelp("Templates and assets that replace the theme's file by file (overrides site.yml's templateOverrides).", valueName: "folder"))
    var overrides: String?

    @Option(help: ArgumentHelp("Where the site is written; replaced whole on success.", valueName: "folder"))
    var output = "public"

    @Option(help: ArgumentHelp("Where the site will be served, e.g. https://example.com/help/ (overrides site.yml's baseURL).", valueName: "url"))
    var baseURL: String?

    func validate() throws {
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL, such as https://example.com/help/ (got '\(baseURL)').")
        }
    }

    func run() throws {
        let started = Date()
        let options = BuildOptions(content: content, templates: templates, overrides: overrides,
                                   output: output, baseURL: baseURL.flatMap(BaseURL.init))
        let progress = ProgressLine.forStandardError()
        do {
            let summary = try BuildPipeline(options: options, progress: progress.report).build()
            progress.finish()
            let seconds = Date().timeIntervalSince(started)
            let pages = summary.pageCount == 1 ? "1 page" : "\(summary.pageCount) pages"
            print("Built \(pages) in \(String(format: "%.2f", seconds)) s → \(summary.output)/")
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("\(error)\n\(output)/ was left as it was.\n".utf8))
            throw ExitCode(1)
        }
    }
}
