import Foundation

/// FNV-1a, 64 bits: enough to tell two versions of an asset apart for cache busting, with no
/// dependency to build. It is not a security boundary.
enum ContentHash {
    static func fnv1a(_ data: Data) -> UInt64 {
        // Through a buffer pointer: `Data`'s own iterator costs more than the hash on a large file.
        data.withUnsafeBytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    /// Ten hex digits, short enough for a file name.
    static func fingerprint(_ data: Data) -> String {
        let hex = String(fnv1a(data), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
    }
}
