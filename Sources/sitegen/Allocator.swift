import CMimalloc
#if canImport(Glibc)
import Glibc
#endif

/// Which allocator serves this process's `malloc`. mimalloc takes over only because it is
/// loaded before libc; a change in how the command is linked could undo that without a sound,
/// so `--timings` says which one ran, and a test holds it to mimalloc.
enum Allocator {
    static var name: String {
        guard let block = malloc(16) else { return "system" }
        defer { free(block) }
        guard mi_is_in_heap_region(block) else { return "system" }
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
    }
}
