import Dispatch
import Foundation

/// The built site before its pages are rendered: every file's path is decided and checked, the
/// files other than pages are made, and each page is rendered only when it is asked for.
/// Every page is made by the one `RenderLoop`: `Publisher` renders and writes a page in one go,
/// so a large site never sits in memory whole (held as HTML, then again as `Data`, it was most
/// of a build's peak memory).
struct PendingSite: Sendable {
    /// Assets, copied files, the search index, the sitemap…
    var files: [SiteOutput.File]
    var jobs: [PageJob]
    var renderer: PageRenderer
    /// What the build noticed but did not stop at; a `--strict` build stops at them.
    var warnings: [CheckFinding] = []
    /// Pages marked `draft: true` and left out.
    var drafts = 0

    var pageCount: Int { jobs.count }
    var fileCount: Int { files.count + jobs.count }

    /// Every path that will be written, pages first.
    var paths: [String] { jobs.map(\.path.outputFile) + files.map(\.path) }

    /// Drops the guides' bodies the renderer was given (`BuildMemo.bodies`), so a cached site
    /// does not hold them twice.
    mutating func forgetBodies() {
        renderer = renderer.updating(model: renderer.model, links: renderer.links, bodies: [:])
    }

    /// Frees the site on another thread once it is written: a large site's model is hundreds of
    /// thousands of small allocations, a noticeable part of a second the caller need not wait for.
    static func releaseInBackground(_ site: consuming PendingSite) {
        let site = site
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(site) {} }
    }

    /// Pages are rendered a batch at a time between progress reports, so a person watching a
    /// large build sees it move.
    static func batches(_ count: Int, size: Int = 1024) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<Swift.min($0 + size, count) }
    }
}
