import ArgumentParser
import Foundation
import Guidepost

@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static help center from Markdown guides and Mustache templates.",
        discussion: """
            With no subcommand, sitegen builds content/ and templates/ into public/.
            Exit codes: 0 success, 1 content errors (all of them are listed), 2 usage errors.
            Build options: sitegen build --help. Check without building: sitegen check --help.
            Flow checker: sitegen flow --help. Preview while writing: sitegen serve --help.
            Guides: docs/writing-guides.md. Templates: docs/templates.md.
            """,
        subcommands: [BuildCommand.self, CheckCommand.self, FlowCommand.self, ServeCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    /// ArgumentParser exits 64 on usage errors; Guidepost promises 2, the Unix convention.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.err(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
