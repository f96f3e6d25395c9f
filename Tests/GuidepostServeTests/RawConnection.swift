import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP connection to 127.0.0.1 that sends exactly the bytes it is given, which URLSession
/// won't do for malformed or oversized requests. Its calls block, so tests run them on a
/// thread of their own (`RawConnection.run`), never on the pool the server answers from.
final class RawConnection: @unchecked Sendable {
    private let socket: Int32

    /// `timeout` bounds every read and write: a server that never answers fails the test instead
    /// of hanging it.
    init(port: UInt16, timeout: TimeInterval = 30) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var limit = timeval(tv_sec: Int(timeout), tv_usec: .init((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    /// Sends what it can; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            #if canImport(Glibc)
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            #else
            let count = bytes[sent...].withUnsafeBytes { Darwin.send(socket, $0.baseAddress, $0.count, 0) }
            #endif
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    enum Ending: Equatable {
        /// The server closed the connection.
        case closed
        /// Nothing more came within the timeout; the connection is still open.
        case timedOut
    }

    /// Everything the server sends until it closes the connection or goes quiet.
    func receive() -> (text: String, ending: Ending) {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received += buffer[..<count]
                continue
            }
            let ending: Ending = count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? .timedOut : .closed
            return (String(decoding: received, as: UTF8.self), ending)
        }
    }

    /// The status code of the first response in `text`, if there is one.
    static func status(of text: String) -> Int? {
        guard let match = text.firstMatch(of: /^HTTP\/1\.1 (\d{3})/) else { return nil }
        return Int(match.1)
    }

    /// Runs blocking socket work on a thread of its own.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
