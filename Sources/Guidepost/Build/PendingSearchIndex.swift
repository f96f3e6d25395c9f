import Foundation

/// The search index of a site built without it (`BuildPipeline.generateDeferringSearch`), made
/// when asked. No page depends on the index's contents, only on its path, which is the same in
/// every build: so `sitegen serve` can send the pages first and the index a moment later.
public struct PendingSearchIndex: Sendable {
    /// Where the index goes in the site's output, as `SiteOutput.File.path` names files.
    public let path: String
    let model: SiteModel
    let timings: @Sendable (StepTiming) -> Void

    init(model: SiteModel, timings: @escaping @Sendable (StepTiming) -> Void) {
        path = SearchIndexFile.path.outputFile
        self.model = model
        self.timings = timings
    }

    /// The index file's bytes, the same a full build writes to `path`. Takes most of a second on
    /// a large site; reports its time as the `search` step.
    public func build() -> Data {
        var clock = StepClock(timings)
        let file = self.file()
        clock.lap(.search)
        return file.data
    }

    /// The file, without reporting a time: a full build reports it among its other steps.
    func file() -> SearchIndexFile {
        SearchIndexFile(SearchIndexBuilder(model: model).build())
    }
}
