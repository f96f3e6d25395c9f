/// The media type of a site file, from its extension: the generator only writes files whose
/// type follows from the name, so there is nothing to sniff.
enum ContentTypes {
    static let html = "text/html; charset=utf-8"

    private static let byExtension: [String: String] = [
        "html": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "webp": "image/webp",
        "gif": "image/gif",
        "ico": "image/x-icon",
        "avif": "image/avif",
        "xml": "application/xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
        "mp4": "video/mp4",
    ]

    static func forPath(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "application/octet-stream" }
        return byExtension[path[path.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
