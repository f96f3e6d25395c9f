@_spi(Untyped) import FlowKit
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
        #expect(a.contains("[flow:pick|First?:Left>/flows/pick/left/;Right>/flows/pick/right/;|"))
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

    /// One page per answered path, each listing the answers so far with a link back to the
    /// question that asked it, as Smart Answers does without JavaScript.
    @Test func everyAnsweredPathHasAStaticPageWithItsAnswers() throws {
        let site = try generate(guides)
        let pages = site.files.map(\.path).filter { $0.hasPrefix("flows/pick/") && $0.hasSuffix("index.html") }
        #expect(pages.sorted() == [
            "flows/pick/index.html", "flows/pick/left/down/index.html", "flows/pick/left/index.html",
            "flows/pick/left/up/index.html", "flows/pick/right/index.html",
        ])
        #expect(site.text("flows/pick/index.html") == "step|First?|noindex|Left>/flows/pick/left/;Right>/flows/pick/right/;")
        #expect(site.text("flows/pick/left/index.html")
            == "step|Second?|noindex|Up>/flows/pick/left/up/;Down>/flows/pick/left/down/;|Left</flows/pick/")
        #expect(site.text("flows/pick/left/up/index.html")
            == "step|Read A|/guides/a/|Left</flows/pick/|Up</flows/pick/left/")
        #expect(site.text("flows/pick/right/index.html") == "step|Read B|/guides/b/#deep|Right</flows/pick/")
        #expect(site.text("flows/pick/left/down/index.html")
            == "step|Read B|noindex|/guides/b/#deep|Left</flows/pick/|Down</flows/pick/left/")
    }

    @Test func questionPagesStayOutOfTheSitemapAndEachOutcomeIsInOnce() throws {
        let sitemap = try #require(try generate(guides, baseURL: "https://help.example.com/").text("sitemap.xml"))
        #expect(!sitemap.contains("/flows/pick/left/</loc>"))
        #expect(sitemap.contains("/flows/pick/left/up/"))
        #expect(sitemap.contains("/flows/pick/right/"))
        #expect(!sitemap.contains("/flows/pick/left/down/"))
    }

    /// Paths multiply with every question; past the documented limit the build says so
    /// rather than writing thousands of pages.
    @Test func aFlowWithTooManyPathsStopsTheBuild() {
        let questions = (0..<9).map { index in
            Question("q\(index)", "Question \(index)?") {
                Option("a", "A", next: index == 8 ? "go-a" : "q\(index + 1)")
                Option("b", "B", next: index == 8 ? "go-a" : "q\(index + 1)")
            }
        }
        let wide = Flow(id: "pick", title: "Wide", intro: "Many paths.", start: "q0",
                        nodes: questions.map(FlowNode.question) + [.outcome(testFlow.outcomes[0])])
        let errors = buildErrors(["a.md": guideFile("A", extra: "flow: pick\n")], flows: [wide])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.message.contains("more than \(Flow.stateLimit)") == true)
        #expect(errors.first?.file == "Tests/GuidepostTests/FlowPagesTests.swift")
    }

    @Test func aFlowThatNoGuideEmbedsIsStillValidated() {
        let broken = Flow(id: "unused", title: "Broken", intro: "x", start: "first") {
            Question("first", "Only one option?") { Option("only", "Only", next: "done") }
            Outcome("done", title: "Done", summary: "Done.", guide: "a")
        }
        let errors = buildErrors(["a.md": guideFile("A")], flows: [testFlow, broken])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.file == "Tests/GuidepostTests/FlowPagesTests.swift")
        #expect(errors.first?.line == #line - 6)
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
        #expect(errors.first?.description.hasPrefix("Tests/GuidepostTests/FlowPagesTests.swift:\(#line - 6): error: ") == true)
    }

    /// `sitegen check` reports the same error, at the same line, for a flow no guide embeds.
    @Test func checkValidatesAFlowThatNoGuideEmbeds() {
        let broken = Flow(id: "unused", title: "Broken", intro: "x", start: "first") {
            Question("first", "First?") {
                Option("a", "A", next: "done")
                Option("b", "B", next: "gone")
            }
            Outcome("done", title: "Done", summary: "Done.", guide: "a")
        }
        var tree = minimalTheme
        tree["content/a.md"] = guideFile("A")
        var pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(tree))
        pipeline.flowCatalog = [broken]
        let errors = pipeline.check().findings.filter { $0.description.contains(": error: ") }.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("Tests/GuidepostTests/FlowPagesTests.swift:\(#line - 10):") == true, "\(errors)")
        #expect(errors.first?.contains("\"gone\"") == true)
    }

    @Test func twoFlowsWithOneIDStopTheBuild() {
        let errors = buildErrors(["a.md": guideFile("A")], flows: [testFlow, testFlow])
        #expect(errors.map(\.kind) == [.flow])
        #expect(errors.first?.message.contains("two flows have the id \"pick\"") == true)
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
