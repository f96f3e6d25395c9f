import Foundation

/// A page's HTML as the render loop hands it on: rendered now, or the bytes an earlier
/// in-memory build made from the same key (`BuildMemo.pages`).
enum PageHTML {
    case rendered(String)
    case kept(Data)

    var data: Data {
        switch self {
        case .rendered(let html): Data(html.utf8)
        case .kept(let data): data
        }
    }
}

/// What the render loop made of one page: its key and whatever the caller did with its HTML
/// (the bytes kept in memory, or nothing once written).
struct MadePage<Placed: Sendable>: Sendable {
    var job: Int
    var key: UInt64
    /// False when the page was the cache's, its template not run.
    var rendered: Bool
    /// A guide's body as the draft made or reused it, for the cache.
    var body: (source: String, body: RenderedBody)?
    var placed: Placed
}

/// The one loop that turns pages into bytes: in memory (`generate()`, `sitegen serve`), into a
/// fresh staging folder (`Publisher`) and into a hard-link copy (`IncrementalPublisher`) all go
/// through it; they only say which pages and where each one's HTML goes (`place`).
///
/// Pages are drafted, keyed and rendered on every core, one page to a chunk so the cores take
/// them in order, a batch at a time between progress reports so a person watching a large build
/// sees it move. A page whose key is in `kept` is not rendered: its bytes are taken from there.
struct RenderLoop: Sendable {
    let site: PendingSite
    /// Pages an earlier in-memory build made, by output path (`BuildMemo.pages`).
    var kept: [String: RenderedFile] = [:]

    /// Makes the pages numbered `jobs` (in `site.jobs`) and hands each to `place`, in no set order
    /// between pages; returns them in the order of `jobs`. Stops at the first batch a page fails in.
    func run<Placed: Sendable>(_ jobs: [Int], progress: (BuildProgress) -> Void = { _ in },
                               place: @escaping @Sendable (_ job: Int, _ html: PageHTML) throws -> Placed) throws(WriteFailure)
        -> [MadePage<Placed>] {
        var made: [MadePage<Placed>] = []
        made.reserveCapacity(jobs.count)
        let loop = self
        for batch in PendingSite.batches(jobs.count) {
            let results = Parallel.chunks(batch.count, perCore: batch.count) { range -> Result<[MadePage<Placed>], WriteFailure> in
                var pages: [MadePage<Placed>] = []
                for offset in range {
                    let number = jobs[batch.lowerBound + offset]
                    do {
                        pages.append(try loop.make(number, place: place))
                    } catch {
                        return .failure(WriteFailure(error, path: loop.site.jobs[number].path.outputFile))
                    }
                }
                return .success(pages)
            }
            for result in results { made += try result.get() }
            progress(BuildProgress(.render, done: batch.upperBound, total: jobs.count))
        }
        return made
    }

    private func make<Placed>(_ number: Int, place: (Int, PageHTML) throws -> Placed) throws -> MadePage<Placed> {
        let renderer = site.renderer
        let job = site.jobs[number]
        let draft = renderer.draft(job)
        let key = renderer.key(draft)
        if let old = kept[job.path.outputFile], old.key == key {
            return MadePage(job: number, key: key, rendered: false, body: draft.body, placed: try place(number, .kept(old.data)))
        }
        let html = PageHTML.rendered(renderer.render(draft).html)
        return MadePage(job: number, key: key, rendered: true, body: draft.body, placed: try place(number, html))
    }
}

extension FolderWriter {
    /// Writes a page's HTML as the render loop hands it on, without a copy into `Data`.
    func write(_ html: PageHTML, to path: String, mode: Mode = .truncate) throws {
        switch html {
        case .rendered(let text): try write(text, to: path, mode: mode)
        case .kept(let data): try write(data, to: path, mode: mode)
        }
    }
}
