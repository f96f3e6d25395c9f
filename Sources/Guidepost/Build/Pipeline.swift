import FlowKit

/// The build's stages, written once: load → model → links → flows and theme → search →
/// assemble → render or write (`BuildStep`). `build`, `check`, `serve` and `flow --spec` run
/// them all through `run(_:)`, each with its `Policy`; a new step is added to `BuildStep` and
/// to `perform(_:_:_:)`, and every command has it.
struct Pipeline: Sendable {
    let options: BuildOptions
    let fileSystem: any FileSystem
    let flowCatalog: [Flow]
    let progress: @Sendable (BuildProgress) -> Void
    let timings: @Sendable (StepTiming) -> Void
    let lastModified: any LastModifiedSource

    /// What a run is for: how far it goes, what it does on an error, where the search index
    /// and the pages go, and what an earlier run left to reuse.
    struct Policy: Sendable {
        enum Search: Sendable {
            /// Built among the other steps, a file of the site.
            case inSite
            /// Left out, its path reserved; `Stages.search` builds it when asked (`sitegen serve`).
            case deferred
        }

        enum Pages: Sendable {
            /// Not made: every path is known and checked, nothing rendered (`sitegen check`).
            case planned
            /// Rendered into `Stages.output`.
            case inMemory
            /// Rendered as they are written into the output folder (`sitegen build`).
            case written
        }

        /// After a failed step, go on with every later step that does not need its result, so
        /// an author sees every problem in one pass (`sitegen check`).
        var keepsGoing = false
        /// The last step to run.
        var through = BuildStep.write
        var search = Search.inSite
        var pages = Pages.inMemory
        /// What the last in-memory build left (`sitegen serve`): a step whose inputs are
        /// unchanged takes its result from here instead of making it again.
        var memo: BuildMemo?

        static let build = Policy(pages: .written)
        static let generate = Policy(through: .render)
        static let check = Policy(keepsGoing: true, through: .assemble, search: .deferred, pages: .planned)
        static let flowSpec = Policy(through: .model)
        static func serve(_ memo: BuildMemo) -> Policy { Policy(through: .render, search: .deferred, memo: memo) }
    }

    /// Runs the steps in order. Each takes what the earlier ones left in `Stages` and adds its
    /// own result; one whose inputs are missing (an earlier step failed, in a run that keeps
    /// going) is skipped. A step is timed when it did its work rather than reuse it. Errors are
    /// never thrown: they are in the result's `errors`, and a run that does not keep going
    /// stops at the first step that has any.
    func run(_ policy: Policy) -> Stages {
        var stages = Stages()
        stages.memo = policy.memo ?? BuildMemo()
        var clock = StepClock(timings)
        for step in BuildStep.allCases {
            do {
                if try perform(step, &stages, policy) == .ran { clock.lap(step) }
            } catch {
                stages.errors.add(contentsOf: error.errors)
                if !policy.keepsGoing { break }
            }
            if step == policy.through { break }
        }
        return stages
    }

    /// What a step did.
    enum Outcome {
        /// Its work, timed.
        case ran
        /// Nothing, or what an earlier build made: not timed.
        case skipped
    }

    private func perform(_ step: BuildStep, _ stages: inout Stages, _ policy: Policy) throws(BuildErrors) -> Outcome {
        switch step {
        case .load: try load(&stages, policy)
        case .model: try model(&stages, policy)
        case .link: try links(&stages, policy)
        case .flows: try flows(&stages, policy)
        case .theme: try theme(&stages, policy)
        case .search: search(&stages, policy)
        case .assemble: try assemble(&stages, policy)
        case .render: try render(&stages, policy)
        case .write: try write(&stages, policy)
        }
    }
}
