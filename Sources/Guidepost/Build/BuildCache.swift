import Foundation
import GuidepostSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last build wrote, so the next one can leave alone what would come out the same.
///
/// One text file per output folder, in `.sitegen-cache/` beside it (outside the site, so a host
/// never serves it). For each output file it records the key of what the file was made from
/// and the file's size, modification time and inode as written. A file is reused only when its
/// key is unchanged *and* the file on disk still has the stamp recorded, so a page edited or
/// deleted by hand in `public/` is rewritten. The cache is trusted only whole: a file that
/// does not parse, fails its checksum, was written by another build of sitegen or for another
/// output folder is ignored, and the build starts clean.
struct BuildCache: Sendable {
    struct Entry: Sendable, Equatable {
        var key: UInt64
        var stamp: FileStamp
    }

    /// Where the cache file lives.
    let file: String
    /// The output folder, absolute: a cache written for another is not this one's.
    let output: String
    /// Which build of sitegen wrote it: another may render the same input differently.
    let generator: String
    let fileSystem: any FileSystem

    static let formatLine = "guidepost-build-cache 1"

    init(folder: String, output: String, generator: String = BuildCache.generatorIdentity, fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
        let target = URL(fileURLWithPath: output).standardizedFileURL
        self.output = target.path
        file = join(folder, target.lastPathComponent + ".cache")
        self.generator = generator
    }

    /// The folder a build uses when it is not told: `.sitegen-cache` beside the output folder.
    static func defaultFolder(for output: String) -> String {
        URL(fileURLWithPath: output).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".sitegen-cache").path
    }

    enum Rejection: Error, Equatable, CustomStringConvertible, Sendable {
        case missing, unreadable, malformed(line: Int), checksum, otherGenerator, otherOutput

        var description: String {
            switch self {
            case .missing: "no cache from an earlier build"
            case .unreadable: "the cache could not be read"
            case .malformed(let line): "the cache is damaged (line \(line))"
            case .checksum: "the cache is damaged (its checksum does not match)"
            case .otherGenerator: "the cache was written by another build of sitegen"
            case .otherOutput: "the cache was written for another output folder"
            }
        }
    }

    /// The entries of the last build, or why there are none to trust.
    func load() -> Result<[String: Entry], Rejection> {
        guard fileSystem.entry(file) != nil else { return .failure(.missing) }
        guard let data = try? fileSystem.read(file), let text = String(validating: data, as: UTF8.self) else {
            return .failure(.unreadable)
        }
        return Self.parse(text, output: output, generator: generator)
    }

    static func parse(_ text: String, output: String, generator: String) -> Result<[String: Entry], Rejection> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return .failure(.malformed(line: lines.count)) }
        lines.removeLast()
        guard lines.count >= 5, let checksumLine = lines.last, checksumLine.hasPrefix("checksum ") else {
            return .failure(.malformed(line: lines.count))
        }
        let body = text.utf8.prefix(text.utf8.count - checksumLine.utf8.count - 1)
        guard checksumLine.dropFirst("checksum ".count) == Self.checksum(Substring(body)) else { return .failure(.checksum) }
        guard lines[0] == formatLine else { return .failure(.malformed(line: 1)) }
        guard lines[1] == "generator " + escape(generator) else { return .failure(.otherGenerator) }
        guard lines[2] == "output " + escape(output) else { return .failure(.otherOutput) }
        guard lines[3].hasPrefix("files "), let count = Int(lines[3].dropFirst("files ".count)), count == lines.count - 5 else {
            return .failure(.malformed(line: 4))
        }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for number in 4..<(lines.count - 1) {
            let fields = lines[number].split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
            guard fields.count == 6, let key = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
                  let seconds = Int64(fields[2]), let nanoseconds = Int64(fields[3]), let inode = UInt64(fields[4]),
                  let path = unescape(fields[5]), entries[path] == nil else {
                return .failure(.malformed(line: number + 1))
            }
            entries[path] = Entry(key: key, stamp: FileStamp(size: size, seconds: seconds, nanoseconds: nanoseconds, inode: inode))
        }
        return .success(entries)
    }

    /// Replaces the cache file whole (a temporary file renamed over it), so a reader never sees
    /// half of one. The temporary file is a new one of its own, under a name no one can guess:
    /// the cache may sit in a shared folder such as /tmp, where a link planted at a known name
    /// would have the build overwrite whatever it points to.
    func save(_ entries: [String: Entry]) throws {
        let parent = (file as NSString).deletingLastPathComponent, folder = parent.isEmpty ? "." : parent
        try fileSystem.createFolders(folder)
        let temporary = (file as NSString).lastPathComponent + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
        let writer = FolderWriter(fileSystem: fileSystem, root: folder)
        do {
            try writer.write(Data(Self.serialize(entries, output: output, generator: generator).utf8), to: temporary, mode: .fresh)
            try fileSystem.move(join(folder, temporary), to: file)
        } catch {
            try? fileSystem.removeFile(join(folder, temporary))
            throw error
        }
        removeOrphanedTemporaries(in: folder)
    }

    /// A build killed between writing its temporary file and renaming it leaves the file
    /// behind. Each name carries its writer's process id, so one whose process is gone is
    /// removed; one of a build still running is left to it. (Removing a planted link removes
    /// the link, never what it points to.)
    private func removeOrphanedTemporaries(in folder: String) {
        let prefix = (file as NSString).lastPathComponent + "."
        guard let names = fileSystem.listing(folder)?.files else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") && !name.contains("/") {
            let middle = name.dropFirst(prefix.count).dropLast(".tmp".count)
            guard let dash = middle.firstIndex(of: "-"), let pid = Int32(middle[..<dash]) else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? fileSystem.removeFile(join(folder, name)) }
        }
    }

    /// Forgets the last build before the output folder is touched: if this build stops part-way,
    /// the next finds no cache and builds clean.
    func invalidate() throws {
        try fileSystem.removeFile(file)
    }

    static func serialize(_ entries: [String: Entry], output: String, generator: String) -> String {
        var text = formatLine + "\n"
        text += "generator \(escape(generator))\noutput \(escape(output))\nfiles \(entries.count)\n"
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            let stamp = entry.stamp
            let key = String(entry.key, radix: 16)
            text += "\(String(repeating: "0", count: 16 - key.count))\(key) \(stamp.size) \(stamp.seconds) \(stamp.nanoseconds) \(stamp.inode) \(escape(path))\n"
        }
        return text + "checksum \(checksum(Substring(text)))\n"
    }

    private static func checksum(_ text: Substring) -> String {
        var print = Fingerprint()
        print.add(String(text))
        return print.hex
    }

    /// Paths may hold any character but NUL; the file is one line per path.
    static func escape(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "%": "%25"
            case "\n": "%0A"
            case "\r": "%0D"
            default: nil
            }
        }
    }

    static func unescape(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        return text.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
            .replacingOccurrences(of: "%25", with: "%")
    }

    /// The running executable's path, size and modification time: a rebuilt sitegen may render
    /// differently, and its version number alone would not say so during development.
    static let generatorIdentity: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? "sitegen"
        guard let stamp = FileStamp.of(path) else { return path }
        return "\(path) \(stamp.size) \(stamp.seconds).\(stamp.nanoseconds)"
    }()
}

/// A file's size, modification time and inode: what tells that a file is still the one a build
/// wrote, without reading it.
public struct FileStamp: Sendable, Equatable {
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64
    var inode: UInt64

    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return FileStamp(size: Int64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec), inode: UInt64(info.st_ino))
    }
}
