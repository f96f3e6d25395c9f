import GuidepostSupport

/// A running 64-bit hash (FNV-1a, with a multiply-xorshift step for whole words) of typed,
/// length-prefixed pieces, so that ("ab", "c") and
/// ("a", "bc") differ. It decides whether an output file is rebuilt, never anything security
/// depends on; 64 bits make an accidental match between two versions of one file a chance in
/// 10^19. Stable across runs and machines, unlike `Hasher`, which is seeded per process.
struct Fingerprint: Sendable, Equatable {
    private(set) var value = FNV1a.offsetBasis

    init() {}

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Eight bytes a step: page bodies are most of what is hashed, and byte-at-a-time FNV over
    /// every page of a large site cost a noticeable part of a build.
    mutating func add(bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var hash = value
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            offset += 8
        }
        value = FNV1a.hash(bytes[offset...], seed: hash)
    }

    mutating func add(_ number: UInt64) {
        var hash = value
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = FNV1a.step(hash, UInt8(truncatingIfNeeded: number >> UInt64(shift)))
        }
        value = hash
    }

    mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    /// A one-byte marker of what comes next, so a string and a list of one string differ.
    mutating func tag(_ tag: UInt8) {
        value = FNV1a.step(value, tag)
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func of(_ text: String) -> UInt64 {
        var print = Fingerprint()
        print.add(text)
        return print.value
    }
}
