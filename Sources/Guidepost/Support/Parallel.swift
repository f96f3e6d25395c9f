import Dispatch
import Foundation

/// Each slot is written by exactly one iteration and read only after all have finished, so
/// sharing the buffer across threads is safe even though the compiler cannot prove it.
private struct ResultSlots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
}

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map`, spread over every core: pages are independent, and a large site has thousands.
    /// Small inputs stay on one thread, where the hand-off would cost more than it saves.
    func parallelMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) -> [T] {
        let count = self.count
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard count >= 32, cores > 1 else { return map(transform) }
        let slots = ResultSlots<T>(buffer: .allocate(capacity: count))
        slots.buffer.initialize(repeating: nil)
        defer {
            slots.buffer.deinitialize()
            slots.buffer.deallocate()
        }
        // Several chunks per core even out pages of very different sizes.
        let chunks = Swift.min(count, cores * 8)
        let start = startIndex
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
            for offset in lower..<upper {
                slots.buffer[offset] = transform(self[start + offset])
            }
        }
        return slots.buffer.map { $0! }
    }
}
