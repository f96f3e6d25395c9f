import Foundation

/// The tags that make a served page listen for rebuilds. They are added to responses by the
/// server, never by the generator, so a normal build can't ship them by accident.
enum LiveReloadTags {
    static let eventsPath = "/_guidepost/events"
    static let scriptPath = "/_guidepost/live-reload.js"
    static let stylePath = "/_guidepost/live-reload.css"

    /// External same-origin files: the site's Content-Security-Policy forbids inline code and
    /// styles. `build` names the build the page comes from; the script sends it back when it
    /// connects, so the server can tell a tab that fell behind to reload. Build names are the
    /// server's own (letters, digits and `-`), so they need no escaping.
    static func tags(build: String) -> String {
        #"<link rel="stylesheet" href="\#(stylePath)">"# + "\n"
            + #"<script src="\#(scriptPath)" data-build="\#(build)" defer></script>"# + "\n"
    }

    /// `html` with the tags placed before its last `</body>`, or at the end when it has none
    /// (a template override may leave it out; browsers still run the script there).
    static func inject(into html: Data, build: String) -> Data {
        let tags = tags(build: build)
        let text = String(decoding: html, as: UTF8.self)
        guard let body = text.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return Data((text + tags).utf8)
        }
        var injected = text
        injected.insert(contentsOf: tags, at: body.lowerBound)
        return Data(injected.utf8)
    }
}
