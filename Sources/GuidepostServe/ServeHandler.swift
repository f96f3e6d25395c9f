import FlyingFox
import Foundation
import Guidepost

/// Answers every request: the live-reload endpoints first, then the current site from memory.
struct ServeHandler: HTTPHandler {
    let live: LiveSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let allow: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: allow)
        }
        let path = request.target.path()
        let response: HTTPResponse
        switch path {
        case LiveReloadTags.eventsPath:
            response = await eventStream(shownBuild: request.query["build"])
        case LiveReloadTags.scriptPath:
            response = Self.asset(LiveReloadAssets.script, type: "text/javascript; charset=utf-8")
        case LiveReloadTags.stylePath:
            response = Self.asset(LiveReloadAssets.stylesheet, type: "text/css; charset=utf-8")
        default:
            if let site = await live.site {
                response = await SiteResponder(site: site).respond(rawPath: path, query: request.target.query())
            } else {
                response = SiteResponder.waitingForFirstGoodBuild
            }
        }
        return request.method == .HEAD ? Self.headersOnly(response) : response
    }

    private func eventStream(shownBuild: String?) async -> HTTPResponse {
        let events = await live.subscribe(shownBuild: shownBuild)
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventStreamBody(events: events))
        )
    }

    private static func asset(_ text: String, type: String) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(text.utf8))
    }

    /// A HEAD answer keeps the length a GET would send; FlyingFox writes whatever body it is given.
    private static func headersOnly(_ response: HTTPResponse) -> HTTPResponse {
        guard case .httpBody(let body) = response.payload, let count = body.count else { return response }
        var headers = response.headers
        headers[.contentLength] = String(count)
        return HTTPResponse(version: response.version, statusCode: response.statusCode, headers: headers, body: Data())
    }
}

/// Turns a route in the current site into a response.
struct SiteResponder: Sendable {
    let site: ServedSite

    func respond(rawPath: String, query: String = "") async -> HTTPResponse {
        switch SiteRoute.resolve(rawPath: rawPath, query: query, in: site.files) {
        case .file(let path):
            if let found = await file(path, status: .ok) { return found }
            return await notFound(rawPath)
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: headers(rawPath, type: ContentTypes.html, [.location: location]))
        case .notFound:
            return await notFound(rawPath)
        }
    }

    private func notFound(_ rawPath: String) async -> HTTPResponse {
        // The site's own 404 page, as hosts serve it, so authors see what readers will.
        if let page = await file("404.html", status: .notFound, headersFor: rawPath) { return page }
        return HTTPResponse(statusCode: .notFound, headers: headers(rawPath, type: "text/plain; charset=utf-8"), body: Data("Not found\n".utf8))
    }

    private func file(_ path: String, status: HTTPStatusCode, headersFor rawPath: String? = nil) async -> HTTPResponse? {
        let type = ContentTypes.forPath(path)
        let headers = headers(rawPath ?? "/" + path, type: type)
        let contents: SiteOutput.Contents
        switch site.files[path] {
        case .ready(let ready)?:
            contents = ready
        case .pending(let later)?:
            // This build's file, once it is made: an earlier build's would not match the pages.
            contents = .bytes(await later.value)
        case nil:
            return nil
        }
        switch contents {
        case .bytes(let data):
            let body = type == ContentTypes.html ? LiveReloadTags.inject(into: data, build: site.build) : data
            return HTTPResponse(statusCode: status, headers: headers, body: body)
        case .copy(let source):
            // Images and other copied files are read from the sources, never from the build output.
            guard let body = try? HTTPBodySequence(file: URL(fileURLWithPath: source)) else { return nil }
            return HTTPResponse(statusCode: status, headers: headers, body: body)
        }
    }

    private func headers(_ rawPath: String, type: String, _ extra: [HTTPHeader: String] = [:]) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for header in site.headers.headers(for: rawPath) {
            headers.addValue(header.value, for: HTTPHeader(header.name))
        }
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        for (name, value) in extra { headers[name] = value }
        return headers
    }

    /// Before any build has succeeded there is no site; the page carries the reload script, which
    /// shows the errors and reloads once they are fixed.
    static var waitingForFirstGoodBuild: HTTPResponse {
        let page = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Build errors</title></head>
            <body>
            <h1>The site has build errors</h1>
            <p>They are listed in the terminal. This page reloads when they are fixed.</p>
            </body>
            </html>

            """
        let headers: HTTPHeaders = [.contentType: ContentTypes.html, .cacheControl: "no-store",
                                    HTTPHeader("Content-Security-Policy"): "default-src 'self'"]
        return HTTPResponse(
            statusCode: .serviceUnavailable,
            headers: headers,
            body: LiveReloadTags.inject(into: Data(page.utf8), build: LiveSite.noBuild)
        )
    }
}
