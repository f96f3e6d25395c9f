import ArgumentParser
import Dispatch
import Foundation
import Guidepost
import GuidepostServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it when a source changes.",
        discussion: """
            Serves the site from memory: public/ is not touched. Open tabs reload after each \
            rebuild; a content error is printed here and shown in the browser while the last good \
            site is still served. A rebuild parses only changed files and renders only the pages \
            whose content changed. Ctrl-C stops it.
            """
    )

    @OptionGroup var sources: SourceFolders

    @Option(help: ArgumentHelp("The port on 127.0.0.1; 0 picks a free one.", valueName: "number"))
    var port = 8000

    @Flag(help: "After each build, print how long each step took.")
    var timings = false

    @Flag(help: "Show pages marked `draft: true` too.")
    var drafts = false

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be a number from 0 to 65535 (got \(port)).")
        }
    }

    func run() throws {
        var settings = ServeOptions(content: sources.content, templates: sources.templates, overrides: sources.overrides, port: UInt16(port))
        settings.timings = timings
        settings.drafts = drafts
        let options = settings
        Interrupt.block()
        let status = Blocking.wait { () async -> Int32 in
            let server = DevServer(options: options, report: Self.print)
            do {
                try await server.start()
            } catch {
                Terminal.err("\(error)\n")
                return 1
            }
            // Asked to stop, it stops within the second, however busy it is.
            await Interrupt.wait(gracePeriod: 0.8) {
                Self.write("Stopped.")
                _exit(0)
            }
            await server.stop()
            Self.write("Stopped.")
            return 0
        }
        if status != 0 { throw ExitCode(status) }
    }

    @Sendable private static func print(_ report: ServeReport) {
        write(report.text, error: report.isError)
    }

    /// Through `Terminal`, unbuffered unlike `print`: through a pipe, stdio would hold the ready
    /// line back until its buffer fills, and whoever waits for it (a script, a test) would wait forever.
    private static func write(_ line: String, error: Bool = false) {
        error ? Terminal.err(line + "\n") : Terminal.out(line + "\n")
    }
}

/// Ctrl-C (SIGINT) or SIGTERM, as an await: the server then stops cleanly and sitegen exits 0
/// instead of being killed mid-response.
///
/// The signals are taken by a thread of their own with `sigwait`, not by a Dispatch source: with
/// every core busy (a build, or clients flooding the server) the concurrency pool and Dispatch's
/// threads may not get to a handler for seconds. The same thread ends the process if the clean
/// stop has not finished within `gracePeriod`.
enum Interrupt {
    /// Before any other thread starts: threads inherit the mask, so only `wait`'s thread gets them.
    static func block() {
        var set = signals
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    static func wait(gracePeriod: TimeInterval, onTimeout: @escaping @Sendable () -> Never) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                var set = signals
                var number: Int32 = 0
                sigwait(&set, &number)
                continuation.resume()
                Thread.sleep(forTimeInterval: gracePeriod)
                onTimeout()
            }
            thread.start()
        }
    }

    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }
}

/// Runs async work from the synchronous `run()` that `Sitegen.main` calls for every subcommand,
/// so the shared entry point stays as it is.
enum Blocking {
    /// The semaphore orders the write before the read, which the compiler cannot see.
    private final class Box: @unchecked Sendable {
        var value: Int32 = 0
    }

    static func wait(_ work: @escaping @Sendable () async -> Int32) -> Int32 {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value
    }
}
