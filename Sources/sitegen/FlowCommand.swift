import ArgumentParser
import FlowKit
import Foundation
import Guidepost
import HelpFlows

struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "Answer a flow checker's questions in the terminal, or inspect the flow.",
        discussion: """
            With no option, asks each question and prints the outcome. The answers come from the \
            same Swift code the site's flow checker is compiled from.
            Flows: \(HelpFlows.all.map(\.id).joined(separator: ", ")).
            """
    )

    @Argument(help: "The flow's id.")
    var id: String

    @ArgumentParser.Option(help: ArgumentHelp("Answer without asking: option ids in order, separated by commas.", valueName: "ids"))
    var answers: String?

    @Flag(help: "List every path through the flow with its outcome.")
    var paths = false

    @ArgumentParser.Option(help: ArgumentHelp("Print the flow as a graph: mermaid or dot.", valueName: "format"))
    var graph: GraphFormat?

    @Flag(help: "Print the JSON flow spec as the site embeds it (reads --content for guide URLs).")
    var spec = false

    @Flag(help: "With --paths: print JSON instead of text.")
    var json = false

    @ArgumentParser.Option(help: ArgumentHelp("The content folder, for --spec.", valueName: "folder"))
    var content = BuildOptions.defaultContent

    enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
        case mermaid, dot
    }

    func validate() throws {
        guard HelpFlows.flow(id: id) != nil else {
            throw ValidationError("There is no flow called '\(id)'. Flows: \(HelpFlows.all.map(\.id).joined(separator: ", ")).")
        }
        let modes = [answers != nil, paths, graph != nil, spec].filter { $0 }.count
        if modes > 1 { throw ValidationError("Use only one of --answers, --paths, --graph and --spec.") }
        if json && !paths { throw ValidationError("--json goes with --paths.") }
    }

    func run() throws {
        guard let flow = HelpFlows.flow(id: id) else { return }
        // Paths, graphs and answers of a broken flow would be wrong without saying so.
        let problems = FlowErrors.validating(flow)
        if !problems.isEmpty {
            Terminal.err("\(BuildErrors(problems))\n")
            throw ExitCode(1)
        }
        if paths {
            Terminal.out((json ? FlowText.pathsJSON(flow) : flow.paths().map(\.description).joined(separator: "\n")) + "\n")
        } else if let graph {
            Terminal.out(graph == .mermaid ? flow.mermaid() : flow.dot())
        } else if spec {
            try printSpec()
        } else if let answers {
            let ids = answers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            do {
                Terminal.out(FlowText.describe(try flow.evaluate(ids)) + "\n")
            } catch {
                // A wrong answer is a usage error: exit 2, without the usage text drowning it.
                Terminal.err("Error: \(error.description)\n")
                throw ExitCode(2)
            }
        } else {
            try FlowConversation(flow: flow).run()
        }
    }

    private func printSpec() throws {
        do {
            guard let json = try BuildPipeline(options: BuildOptions(content: content)).flowSpecJSON(id) else { return }
            Terminal.out(json + "\n")
        } catch {
            Terminal.err("\(error)\n")
            throw ExitCode(1)
        }
    }
}
