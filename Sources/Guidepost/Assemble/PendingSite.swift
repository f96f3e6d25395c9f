import Dispatch
import Foundation

/// The built site before its pages are rendered: every file's path is decided and checked, the
/// files other than pages are made, and each page is rendered only when it is asked for.
/// `Publisher` renders and writes a page in one go, so a large site never sits in memory whole
/// (held as HTML, then again as `Data`, it was most of a build's peak memory).
struct PendingSite: Sendable {
    /// Assets, copied files, the search index, the sitemap…
    var files: [SiteOutput.File]
    var jobs: [PageJob]
    let renderer: PageRenderer
    /// What the build noticed but did not stop at; a `--strict` build stops at them.
    var warnings: [CheckFinding] = []
    /// Pages marked `draft: true` and left out.
    var drafts = 0

    var pageCount: Int { jobs.count }
    var fileCount: Int { files.count + jobs.count }

    /// Every path that will be written, pages first.
    var paths: [String] { jobs.map(\.path.outputFile) + files.map(\.path) }

    func render(_ job: PageJob) -> RenderedPage { renderer.render(job) }

    /// The whole site in memory, as `BuildPipeline.generate()` returns it.
    func output(progress: (BuildProgress) -> Void = { _ in }) -> SiteOutput {
        var all = files
        all.reserveCapacity(fileCount)
        let renderer = renderer
        for batch in Self.batches(jobs.count) {
            all += jobs[batch].parallelMap { job in
                SiteOutput.File(path: job.path.outputFile, contents: .bytes(Data(renderer.render(job).html.utf8)))
            }
            progress(BuildProgress(.render, done: batch.upperBound, total: jobs.count))
        }
        return SiteOutput(files: all, pageCount: pageCount)
    }

    /// The whole site in memory, taking each page whose key is unchanged from `previous`
    /// instead of rendering it; returns every page's key and bytes, and every guide's body, for
    /// the next build.
    func output(reusing previous: [String: RenderedFile], progress: (BuildProgress) -> Void = { _ in })
        -> (output: SiteOutput, pages: [String: RenderedFile], bodies: [String: RenderedBody]) {
        let renderer = renderer
        let made = jobs.parallelMap { job -> (path: String, file: RenderedFile, rendered: Bool, body: (source: String, body: RenderedBody)?) in
            let draft = renderer.draft(job)
            let key = renderer.key(draft)
            let path = job.path.outputFile
            if let old = previous[path], old.key == key { return (path, old, false, draft.body) }
            return (path, RenderedFile(key: key, data: Data(renderer.render(draft).html.utf8)), true, draft.body)
        }
        progress(BuildProgress(.render, done: jobs.count, total: jobs.count))
        var pages: [String: RenderedFile] = [:], bodies: [String: RenderedBody] = [:]
        pages.reserveCapacity(made.count)
        for page in made {
            pages[page.path] = page.file
            if let body = page.body { bodies[body.source] = body.body }
        }
        let all = files + made.map { SiteOutput.File(path: $0.path, contents: .bytes($0.file.data)) }
        var output = SiteOutput(files: all, pageCount: pageCount)
        output.renderedPages = made.filter(\.rendered).count
        return (output, pages, bodies)
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
