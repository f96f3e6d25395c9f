import Foundation

/// The search index of a site built without it (`BuildPipeline.generateDeferringSearch`), made
/// when asked. No page depends on the index's contents, only on its path, which is the same in
/// every build: so `sitegen serve` can send the pages first and the index a moment later.
public struct PendingSearchIndex: Sendable {
    /// Where the index's manifest goes in the site's output, as `SiteOutput.File.path` names
    /// files. Its shards have content-hashed names, known only once it is built; every request
    /// for one comes after the manifest that names it.
    public let path: String
    let model: SiteModel
    let timings: @Sendable (StepTiming) -> Void

    init(model: SiteModel, timings: @escaping @Sendable (StepTiming) -> Void) {
        path = SearchIndexFiles.manifestPath.outputFile
        self.model = model
        self.timings = timings
    }

    /// The index's files, the manifest (at `path`) first: the same a full build writes. Takes
    /// most of a second on a large site; reports its time as the `search` step.
    public func build() -> [SiteOutput.File] {
        var clock = StepClock(timings)
        let files = self.files()
        clock.lap(.search)
        return files.files
    }

    /// The files, without reporting a time: a full build reports it among its other steps.
    func files() -> SearchIndexFiles {
        SearchIndexFiles(SearchIndexBuilder(model: model).build())
    }
}
