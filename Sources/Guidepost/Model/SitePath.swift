import Foundation

/// A page or file of the built site, relative to the base path. Only the builder makes these,
/// from slugs it has checked, so no content can name a place outside `public/`.
public struct SitePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let segments: [String]
    /// A directory page is served as `<path>/index.html` and linked as `<path>/` (pretty URLs).
    public let isDirectory: Bool

    /// Percent-encoded path below the base path, as it appears in links; worked out once,
    /// since every page links to dozens of others.
    let encoded: String

    init(_ segments: [String], directory: Bool) {
        self.segments = segments
        self.isDirectory = directory
        let joined = segments.map(Self.encode).joined(separator: "/")
        encoded = directory && !joined.isEmpty ? joined + "/" : joined
    }

    static let root = SitePath([], directory: true)
    static func page(_ segments: String...) -> SitePath { SitePath(segments, directory: true) }
    static func file(_ segments: String...) -> SitePath { SitePath(segments, directory: false) }

    /// The file written below the output folder.
    public var outputFile: String {
        isDirectory ? (segments + ["index.html"]).joined(separator: "/") : segments.joined(separator: "/")
    }

    func href(_ base: BaseURL) -> String { base.path + encoded }
    func absolute(_ base: BaseURL) -> String { base.origin + base.path + encoded }
    /// The absolute URL when the site's base URL is known, else nil: never one at localhost.
    func canonical(_ base: BaseURL) -> String? { base.isGiven ? absolute(base) : nil }

    public var description: String { "/" + encoded }

    public static func < (lhs: SitePath, rhs: SitePath) -> Bool { lhs.outputFile < rhs.outputFile }
    public static func == (lhs: SitePath, rhs: SitePath) -> Bool { lhs.segments == rhs.segments && lhs.isDirectory == rhs.isDirectory }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(segments)
        hasher.combine(isDirectory)
    }

    private static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/;:@&=+$,")
        return set
    }()

    static func encode(_ segment: String) -> String {
        // Plain slugs need no encoding; skipping Foundation for them is most of the work saved.
        if segment.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }) {
            return segment
        }
        return segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? segment
    }
}

/// Category names as authors write them: folders, or `A/B` in front matter and site.yml.
enum CategoryPath {
    static func split(_ text: String) -> [String] {
        text.split(separator: "/").map(\.trimmed).filter { !$0.isEmpty }
    }

    static func display(_ path: [String]) -> String { path.joined(separator: " / ") }
}
