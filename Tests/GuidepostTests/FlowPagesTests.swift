import FlowKit
import JSONSchemaCheck
import Foundation
import HelpFlows
import Testing
@testable import Guidepost

/// The generator's side of the flow checker: embedding, the spec it publishes, the static
/// pages that work without JavaScript, and the errors for flows that don't fit the site.
@Suite struct FlowPagesTests {
    let guides = [
        "T/a.md": guideFile("A", extra: "flow: pick\n"),
        "T/b.md": guideFile("B", body: "Intro.\n\n```flow\npick\n```\n\n## Deep"),
    ]

    @Test func aGuideEmbedsTheFlowFromFrontMatterOrAFencedBlock() throws {
        let site = try generate(guides)
        let a = try #require(site.text("guides/a/index.html"))
        #expect(a.contains("[flow:pick|First?:Left>/flows/pick/second/;Right>/flows/pick/go-b/;|"))
        let b = try #require(site.text("guides/b/index.html"))
        #expect(b.contains("[flow:pick|"))
        #expect(!b.contains("<pre"))
    }

    @Test func theSpecIsPublishedEmbeddedAndHTMLSafe() throws {
        let site = try generate(guides)
        let json = try #require(site.text("flows/pick/spec.json"))
        #expect(json.contains(#""url":"/guides/b/#deep""#))
        #expect(json.contains(#"Answer \u003ctwo\u003e questions."#))
        #expect(site.text("guides/a/index.html")?.contains(json) == true)
        #expect(site.text("flows/flow-spec.schema.json")?.contains("2020-12") == true)
    }

    @Test func everyNodeHasAStaticPageWithPlainLinks() throws {
        let site = try generate(guides)
        #expect(site.text("flows/pick/index.html") == "step|First?|noindex|Left>/flows/pick/second/;Right>/flows/pick/go-b/;")
        #expect(site.text("flows/pick/second/index.html") == "step|Second?|noindex|Up>/flows/pick/go-a/;Down>/flows/pick/go-b/;")
        #expect(site.text("flows/pick/go-a/index.html") == "step|Read A|/guides/a/")
        #expect(site.text("flows/pick/go-b/index.html") == "step|Read B|/guides/b/#deep")
    }

    @Test func questionPagesStayOutOfTheSitemapAndOutcomesAreIn() throws {
        let sitemap = try #require(try generate(guides, baseURL: "https://help.example.com/").text("sitemap.xml"))
        #expect(!sitemap.contains("/flows/pick/second/"))
        #expect(sitemap.contains("/flows/pick/go-a/"))
    }

    @Test func aSiteWithoutFlowsPublishesNoFlowFiles() throws {
        let site = try generate(["a.md": guideFile("A")])
        #expect(!site.files.contains { $0.path.hasPrefix("flows/") })
    }

    @Test func anUnknownFlowInFrontMatterNamesTheLine() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "tags: [x]\nflow: nope\n")])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.file == "content/a.md")
        #expect(errors.first?.line == 4)
        #expect(errors.first?.hint?.contains("`pick`") == true)
    }

    @Test func anUnknownFlowInAFencedBlockNamesTheLine() {
        let errors = buildErrors(["a.md": guideFile("A", body: "Text.\n\n```flow\nnope\n```")])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.line == 6)
    }

    @Test func anOutcomeLinkingToAMissingGuideIsAnError() {
        let errors = buildErrors(["a.md": guideFile("A", extra: "flow: pick\n")])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.message.contains("\"go-b\"") == true)
        #expect(errors.first?.message.contains("\"b\"") == true)
    }

    @Test func anOutcomeLinkingToAMissingSectionIsAnError() {
        let errors = buildErrors(["T/a.md": guideFile("A", extra: "flow: pick\n"), "T/b.md": guideFile("B")])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.message.contains("#deep") == true)
    }

    @Test func anInvalidFlowStopsTheBuild() {
        let broken = Flow(id: "pick", title: "Broken", intro: "x", start: "first") {
            Question("first", "Only one option?") { Option("only", "Only", next: "done") }
            Outcome("done", title: "Done", summary: "Done.", guide: "a")
        }
        let errors = buildErrors(["a.md": guideFile("A", extra: "flow: pick\n")], flows: [broken])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.message.contains("first") == true)
    }

    @Test func theFlowSpecCommandMatchesTheEmbeddedSpec() throws {
        var tree = minimalTheme
        for (path, text) in guides { tree["content/" + path] = text }
        var pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(tree))
        pipeline.flowCatalog = [testFlow]
        let json = try #require(try pipeline.flowSpecJSON("pick"))
        #expect(try pipeline.generate().text("flows/pick/spec.json") == json)
    }
}

/// The spec the site publishes for the real content validates against the schema it publishes.
@Suite struct PublishedSpecTests {
    @Test func theOccupiedContactSpecOfTheRealSiteMatchesItsSchema() throws {
        let site = try BuildPipeline(options: BuildOptions(content: repositoryRoot.appendingPathComponent("content").path,
                                                           templates: repositoryRoot.appendingPathComponent("templates").path)).generate()
        let spec = try #require(site.text("flows/occupied-contact/spec.json"))
        let schema = try #require(site.text("flows/flow-spec.schema.json"))
        let validator = SchemaValidator(root: try JSONValue.parse(schema))
        #expect(validator.errors(in: try JSONValue.parse(spec)) == [])
        // And the validator does reject a spec that breaks the schema.
        var broken = try JSONValue.parse(spec)
        broken["specVersion"] = .string("one")
        #expect(!validator.errors(in: broken).isEmpty)
    }
}
