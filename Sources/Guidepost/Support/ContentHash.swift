import Foundation
import GuidepostSupport

/// An asset's name for cache busting: enough to tell two versions of it apart.
enum ContentHash {
    static func fnv1a(_ data: Data) -> UInt64 {
        // Through a buffer pointer: `Data`'s own iterator costs more than the hash on a large file.
        data.withUnsafeBytes { FNV1a.hash($0) }
    }

    /// Ten hex digits, short enough for a file name.
    static func fingerprint(_ data: Data) -> String {
        let hex = String(fnv1a(data), radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(10))
    }
}
