@_spi(Untyped) import FlowKit
import HelpFlows
import Testing

/// Every flow of the help center, whether a guide embeds it yet or not.
@Suite struct CatalogTests {
    @Test(arguments: HelpFlows.all.map(\.id))
    func everyFlowInTheCatalogIsValid(id: String) throws {
        let flow = try #require(HelpFlows.flow(id: id))
        #expect(flow.validate().map(\.description) == [])
        #expect(flow.location?.file.hasPrefix("Sources/HelpFlows/") == true)
    }

    @Test(arguments: HelpFlows.all.map(\.id))
    func everyFlowFitsTheStaticPageLimit(id: String) throws {
        let flow = try #require(HelpFlows.flow(id: id))
        let states = try #require(flow.answeredStates())
        // One state per prefix of every path: the start, each answer, each outcome.
        let prefixes = Set(flow.paths().flatMap { path in (0...path.steps.count).map { Array(path.steps.prefix($0)) } })
        #expect(states.count == prefixes.count)
        #expect(Set(states.map(\.steps)) == prefixes)
    }

    @Test func flowIDsAreUnique() {
        #expect(Set(HelpFlows.all.map(\.id)).count == HelpFlows.all.count)
        #expect(HelpFlows.flow(id: "missing-code") == HelpFlows.missingCode)
    }

    @Test func theStaticPageCountsAreAsReported() {
        #expect(HelpFlows.occupiedContact.answeredStates()?.count == 12)
        #expect(HelpFlows.missingCode.answeredStates()?.count == 15)
    }
}
