import Foundation

/// Which files beside the guides are published under `/media/`. A file a browser would run
/// (HTML, SVG, XML, scripts) served from the site's own origin runs with the site's rights on
/// any host that sends no headers of its own, and `script-src 'self'` lets a page load it; so
/// only passive types are published unless site.yml allows more by name (`media: {allow: [.svg]}`),
/// and `_headers` sandboxes everything under `/media/` besides.
struct MediaPolicy: Sendable {
    /// Images, documents, audio and video, plain data and archives: shown, played or downloaded,
    /// never run. SVG is not among them: it can hold scripts.
    static let published: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp",
        "pdf",
        "mp4", "m4v", "webm", "ogg", "ogv", "oga", "mp3", "wav", "m4a", "aac", "flac", "opus", "vtt",
        "csv", "tsv", "txt", "json",
        "zip", "gz", "tgz", "tar", "bz2", "xz", "7z",
    ]

    /// Files an operating system leaves in folders: skipped with a warning, not an error, so a
    /// folder exported from a desktop still builds.
    static let junk: Set<String> = ["thumbs.db", "ehthumbs.db", "desktop.ini"]

    /// Extensions site.yml allows besides, lower-cased, without the dot.
    var allowed: Set<String> = []

    enum Verdict: Equatable {
        case publish, skip, refuse
    }

    func verdict(_ path: String) -> Verdict {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        if Self.junk.contains(name) || name.hasSuffix("~") { return .skip }
        let type = Self.type(of: name)
        return Self.published.contains(type) || allowed.contains(type) ? .publish : .refuse
    }

    /// The extension of `name`, lower-cased; empty when it has none.
    static func type(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    /// An extension as site.yml may write it: `.svg`, `svg` or `SVG`.
    static func normalized(_ type: String) -> String {
        String(type.trimmingCharacters(in: .whitespaces).drop { $0 == "." }).lowercased()
    }

    func refusal(_ file: SourceFile) -> BuildError {
        let type = Self.type(of: file.path.split(separator: "/").last.map(String.init) ?? file.path)
        let what = type.isEmpty ? "a file with no extension" : "a `.\(type)` file"
        return BuildError(.unsafePath, step: .load, file: file.displayPath,
                          "\(what) is not published: only images, PDFs, audio, video, plain data and archives are, since a browser could run anything else as part of the site",
                          hint: "move it out of the content folder, convert it (an SVG to PNG), or, if you trust it, allow its type in site.yml with `media: {allow: [\".\(type.isEmpty ? "ext" : type)\"]}`.")
    }

    func skipWarning(_ file: SourceFile) -> CheckFinding {
        CheckFinding(file: file.displayPath, line: 1, column: 1, severity: .warning,
                     message: "this file is left out of the site: it looks like one the system made, not part of the help center",
                     hint: "delete it from the content folder to silence this warning.")
    }
}
