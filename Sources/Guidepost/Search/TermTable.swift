import GuidepostSupport

/// Numbers terms by their UTF-8 bytes: a site's text is millions of words from a vocabulary of
/// thousands, and looking each one up as a `String` (made, hashed with SipHash, compared) was
/// most of building the index. Open addressing over one byte buffer, FNV-1a hashed.
struct TermTable: Sendable {
    /// Term number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    /// Term `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private var starts: [Int] = [0]
    private var bytes: [UInt8] = []

    var count: Int { starts.count - 1 }

    /// The number of the term spelled by `term`, numbering it if it is new.
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> (number: Int, isNew: Bool) {
        let hash = FNV1a.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if hashes[number] == hash, equals(number, term) { return (number, false) }
            slot = (slot + 1) & mask
        }
        let number = count
        slots[slot] = Int32(number + 1)
        hashes.append(hash)
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        // At most half full, so probes stay short.
        if count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// Term `number` as a string.
    func term(_ number: Int) -> String {
        String(decoding: bytes[starts[number]..<starts[number + 1]], as: UTF8.self)
    }

    private func equals(_ number: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[number]
        guard starts[number + 1] - start == term.count else { return false }
        for offset in 0..<term.count where bytes[start + offset] != term[offset] { return false }
        return true
    }

    private mutating func grow() {
        var slots = [Int32](repeating: 0, count: self.slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
        self.slots = slots
    }
}
