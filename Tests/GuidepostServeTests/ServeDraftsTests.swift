import Foundation
import Guidepost
import Testing
@testable import GuidepostServe

/// `sitegen serve --drafts`: a draft is previewed only when asked for.
@Suite struct ServeDraftsTests {
    func served(drafts: Bool) async throws -> Int {
        let project = try TestProject()
        try project.write("content/Basics/later.md", "---\ntitle: Later\ndraft: true\n---\nNot yet.\n")
        var options = project.options()
        options.drafts = drafts
        let server = DevServer(options: options, report: ReportLog().record)
        let url = try await server.start()
        do {
            let reply = try await get("/guides/later/", port: try port(of: url))
            await server.stop()
            return reply.status
        } catch {
            await server.stop()
            throw error
        }
    }

    @Test func aDraftIsServedOnlyWithDrafts() async throws {
        #expect(try await served(drafts: false) == 404)
        #expect(try await served(drafts: true) == 200)
    }
}
