import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the real disk with plain system calls. A large site is tens of thousands of
/// files: `Data.write(to:)` also calls `fsync` on each one, and `FileManager` checks every
/// parent before it creates a folder, which together cost more than the build's rendering. A
/// site is swapped in whole only after every file is written, so syncing each one buys nothing.
extension LocalFileSystem {
    public func entry(_ path: String) -> FileEntry? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    public func listing(_ root: String) -> (files: [String], folders: [String])? {
        var files: [String] = [], folders: [String] = []
        func walk(_ folder: String, _ relative: String) -> Bool {
            guard let directory = opendir(folder) else { return false }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = folder + "/" + name, child = relative.isEmpty ? name : relative + "/" + name
                switch self.entry(path) {
                case .file: files.append(child)
                case .folder:
                    folders.append(child)
                    guard walk(path, child) else { return false }
                default: return false
                }
            }
            return true
        }
        return walk(root, "") ? (files, folders) : nil
    }

    public func createFolder(_ path: String) throws {
        if mkdir(path, 0o777) != 0 && errno != EEXIST { throw FolderWriter.Failure(path: path, code: errno) }
    }

    public func createFolders(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func write(_ bytes: UnsafeRawBufferPointer, to path: String, fresh: Bool) throws {
        let flags = fresh ? O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC : O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw FolderWriter.Failure(path: path, code: errno) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = Self.systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FolderWriter.Failure(path: path, code: errno)
            }
            offset += written
        }
    }

    /// The system's `write`, which the method above hides.
    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    public func removeFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw FolderWriter.Failure(path: path, code: errno) }
    }

    public func removeFolder(_ path: String) throws {
        if rmdir(path) != 0 && errno != ENOENT { throw FolderWriter.Failure(path: path, code: errno) }
    }

    public func removeItem(_ path: String) throws {
        try FileManager.default.removeItem(atPath: path)
    }

    public func move(_ source: String, to destination: String) throws {
        try FileManager.default.moveItem(atPath: source, toPath: destination)
    }

    /// Linux's `renameat2(…, RENAME_EXCHANGE)`. Glibc declares it only for C code built with
    /// `_GNU_SOURCE`, so it is looked up by name; false where it is missing or the file system
    /// cannot exchange.
    public func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // A null handle is RTLD_DEFAULT: every library the process has loaded.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameExchange: UInt32 = 2
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    public func link(_ existing: String, as new: String) throws {
        #if canImport(Glibc)
        let failed = Glibc.link(existing, new) != 0
        #else
        let failed = Darwin.link(existing, new) != 0
        #endif
        if failed { throw FolderWriter.Failure(path: new, code: errno) }
    }
}
