import Dispatch
import Foundation

/// Each slot is written by exactly one iteration and read only after all have finished, so
/// sharing the buffer across threads is safe even though the compiler cannot prove it.
private struct ResultSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

enum Parallel {
    /// Small inputs stay on one thread, where the hand-off would cost more than it saves.
    static let minimumCount = 32

    static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `body` once per chunk of `0..<count`, chunks spread over every core, and returns
    /// the chunks' results in order. Each chunk is one sequential run, so `body` can keep state
    /// (a memo, a vocabulary) from one item to the next without sharing it between threads.
    static func chunks<T: Sendable>(_ count: Int, perCore: Int = 8, minimumCount: Int = minimumCount,
                                    _ body: @escaping @Sendable (Range<Int>) -> T) -> [T] {
        guard count > 0 else { return [] }
        let cores = cores
        guard count >= minimumCount, cores > 1 else { return [body(0..<count)] }
        // Several chunks per core even out items of very different sizes.
        let chunkCount = Swift.min(count, cores * perCore)
        let slots = ResultSlots<T>(buffer: .allocate(capacity: chunkCount))
        slots.buffer.initialize(repeating: nil)
        defer {
            slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            slots.buffer[chunk] = body(count * chunk / chunkCount..<count * (chunk + 1) / chunkCount)
        }
        return slots.buffer.map { $0! }
    }
}

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map`, spread over every core: pages are independent, and a large site has thousands.
    func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let start = startIndex
        let collection = self
        return Parallel.chunks(count) { range in
            range.map { transform(collection[start + $0]) }
        }.flatMap { $0 }
    }
}

extension Parallel {
    /// Runs `body` for every index of `0..<count` on `threads` threads, whatever the number of
    /// cores: for system calls that mostly wait on the disk (creating, linking and removing
    /// thousands of entries), where more calls in flight finish sooner. Returns the first
    /// error thrown, once every thread has stopped.
    static func blocking(_ count: Int, threads: Int = 8, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        let threads = Swift.min(threads, count)
        guard threads > 1 else {
            for index in 0..<count { try body(index) }
            return
        }
        let slots = ResultSlots<any Error>(buffer: .allocate(capacity: threads))
        slots.buffer.initialize(repeating: nil)
        defer {
            slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    for index in stride(from: thread, to: count, by: threads) { try body(index) }
                } catch {
                    slots.buffer[thread] = error
                }
            }.start()
        }
        group.wait()
        if let error = slots.buffer.lazy.compactMap({ $0 }).first { throw error }
    }
}
