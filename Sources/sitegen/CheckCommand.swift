import ArgumentParser
import Foundation
import Guidepost

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content and theme without building, with hints for authors.",
        discussion: """
            Reports every error a build would stop at, and warnings for images without alt text, \
            guides without a summary, guides no other page links to, headings that skip a level \
            and guides that share a title. Each finding is one line, path:line:column: severity: \
            message. Writes nothing.
            Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors, 2 usage errors.
            """
    )

    @OptionGroup var sources: SourceFolders

    @Flag(help: "Treat warnings as errors: report them as errors and exit 1.")
    var strict = false

    @Flag(help: "Check pages marked `draft: true` as if they were published.")
    var drafts = false

    @Option(help: ArgumentHelp("text (one line a finding, a count on standard error) or json (an array for tools).", valueName: "format"))
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func run() throws {
        let options = BuildOptions(content: sources.content, templates: sources.templates, overrides: sources.overrides, drafts: drafts)
        var report = BuildPipeline(options: options).check()
        if strict { report = report.treatingWarningsAsErrors() }
        switch format {
        case .text:
            Terminal.out(report.text)
            Terminal.err(report.summary + "\n")
        case .json:
            Terminal.out(report.json)
        }
        if report.hasErrors { throw ExitCode(1) }
    }
}
