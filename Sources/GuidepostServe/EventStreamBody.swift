import FlyingFox
import FlyingSocks
import Foundation

/// FlyingFox streams a response body by pulling buffers from it; server-sent events are pushed
/// when a build ends. This adapts one to the other, and FlyingFox sends each event as one chunk.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            // Never an empty buffer: in chunked encoding an empty chunk ends the response.
            while pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = Array(data)
            }
            let buffer = Array(pending.prefix(Swift.max(count, 1)))
            pending.removeFirst(buffer.count)
            return buffer
        }
    }
}
