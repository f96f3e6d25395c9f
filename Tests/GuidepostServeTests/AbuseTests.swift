import Foundation
import Testing
@testable import GuidepostServe

/// `sitegen serve` against clients that send too much, too slowly or too often. Every bound
/// here is the raw connection's timeout: a server that stalls fails the test, it doesn't hang it.
@Suite struct AbuseTests {
    static func request(path: String, headers: [String] = []) -> String {
        "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n"
    }

    /// What the server answers `request` with, and whether it then closed the connection.
    static func exchange(_ request: String, port: UInt16) async throws -> (status: Int?, text: String, ending: RawConnection.Ending) {
        try await RawConnection.run {
            let connection = try RawConnection(port: port)
            connection.send(request)
            let (text, ending) = connection.receive()
            return (RawConnection.status(of: text), text, ending)
        }
    }

    @Test(arguments: [8_300, 1_000_000])
    func aRequestLineOverEightKilobytesIsRefusedWith414(length: Int) async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let path = "/" + String(repeating: "a", count: length)
            let reply = try await Self.exchange(Self.request(path: path), port: port)
            #expect(reply.status == 414, "\(reply.text.prefix(200))")
            #expect(reply.ending == .closed)
            // Just under the limit is an ordinary request.
            let under = "/" + String(repeating: "a", count: 8_000)
            #expect(try await Self.exchange(Self.request(path: under, headers: ["Connection: close"]), port: port).status == 404)
        }
    }

    @Test(arguments: [40, 1_000])
    func headersOverThirtyTwoKilobytesAreRefusedWith431(kilobytes: Int) async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let headers = (0..<kilobytes).map { "X-Filler-\($0): " + String(repeating: "b", count: 1_000) }
            let reply = try await Self.exchange(Self.request(path: "/", headers: headers), port: port)
            #expect(reply.status == 431, "\(reply.text.prefix(200))")
            #expect(reply.ending == .closed)
            let within = (0..<20).map { "X-Filler-\($0): " + String(repeating: "b", count: 1_000) } + ["Connection: close"]
            #expect(try await Self.exchange(Self.request(path: "/", headers: within), port: port).status == 200)
        }
    }

    /// Slowloris: a request's head that trickles in a byte at a time never completes, so only a
    /// deadline for the whole head frees the connection.
    @Test func aConnectionThatTricklesItsRequestIsClosed() async throws {
        let project = try TestProject()
        var options = project.options()
        options.requestTimeout = .seconds(2)
        try await withServer(project, options: options) { _, port in
            let stillSending = try await RawConnection.run { () -> Bool in
                let connection = try RawConnection(port: port)
                // Nine seconds' worth of bytes, one every 100 ms; the server should hang up after two.
                for byte in ("GET / HTTP/1.1\r\nX-Slow: " + String(repeating: "a", count: 66)).map(String.init) {
                    guard connection.send(byte) else { return false }
                    Thread.sleep(forTimeInterval: 0.1)
                }
                return connection.receive().ending == .timedOut
            }
            #expect(!stillSending)
        }
    }

    @Test func anIdleConnectionIsClosed() async throws {
        let project = try TestProject()
        var options = project.options()
        options.requestTimeout = .seconds(2)
        try await withServer(project, options: options) { _, port in
            let ending = try await RawConnection.run { try RawConnection(port: port).receive().ending }
            #expect(ending == .closed)
            // A keep-alive connection, once answered, gets the same time for its next request.
            let reply = try await Self.exchange(Self.request(path: "/"), port: port)
            #expect(reply.status == 200)
            #expect(reply.ending == .closed)
        }
    }

    @Test func connectionsBeyondTheLimitAreClosedAtOnce() async throws {
        let project = try TestProject()
        var options = project.options()
        options.maxConnections = 3
        // Held connections idle while the extra one is tried; they must not time out meanwhile.
        options.requestTimeout = .seconds(60)
        try await withServer(project, options: options) { _, port in
            let held = try await RawConnection.run { try (0..<3).map { _ in try RawConnection(port: port, timeout: 10) } }
            let extra = try await RawConnection.run { try RawConnection(port: port, timeout: 10).receive().ending }
            #expect(extra == .closed)
            // The ones let in are served.
            let served = try await RawConnection.run { () -> Int? in
                held[0].send(Self.request(path: "/", headers: ["Connection: close"]))
                return RawConnection.status(of: held[0].receive().text)
            }
            #expect(served == 200)
            // Once one has gone, a new one is let in.
            let next = try await RawConnection.run { () -> Bool in
                for _ in 0..<50 {
                    let connection = try RawConnection(port: port, timeout: 10)
                    connection.send(Self.request(path: "/", headers: ["Connection: close"]))
                    if RawConnection.status(of: connection.receive().text) == 200 { return true }
                    Thread.sleep(forTimeInterval: 0.1)
                }
                return false
            }
            #expect(next)
        }
    }

    @Test(arguments: ["//guides/start", "///guides//start"])
    func aRedirectNeverStartsWithTwoSlashes(path: String) async throws {
        let project = try TestProject()
        try await withServer(project) { _, port in
            let reply = try await Self.exchange(Self.request(path: path, headers: ["Connection: close"]), port: port)
            #expect(reply.status == 301)
            #expect(reply.text.contains("\r\nLocation: /guides/start/\r\n"), "\(reply.text.prefix(400))")
        }
    }
}
