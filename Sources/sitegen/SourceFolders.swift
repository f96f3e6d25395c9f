import ArgumentParser
import Guidepost

/// The three folders every command that builds reads, declared once so `build`, `check` and
/// `serve` cannot drift apart in names, defaults or help.
struct SourceFolders: ParsableArguments {
    @Option(help: ArgumentHelp("The folder of Markdown guides and site.yml.", valueName: "folder"))
    var content = BuildOptions.defaultContent

    @Option(help: ArgumentHelp("The theme: Mustache templates and assets/.", valueName: "folder"))
    var templates = BuildOptions.defaultTemplates

    @Option(help: ArgumentHelp("Templates and assets that replace the theme's file by file (overrides site.yml's templateOverrides).", valueName: "folder"))
    var overrides: String?
}
