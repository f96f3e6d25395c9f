import Foundation
import GuidepostSupport

/// A ```` ```video ```` fenced block: the video's address on its first line, its title on the
/// second. The page shows a placeholder that loads the player only when the reader asks for it,
/// so a page with a video makes no request to the video host until then.
public struct VideoEmbed: Sendable, Equatable {
    public enum Provider: String, Sendable, Equatable {
        case youtube, vimeo

        public var name: String { self == .youtube ? "YouTube" : "Vimeo" }
        /// Where the player is loaded from: the only host the site's `frame-src` needs for it.
        public var frameOrigin: String { self == .youtube ? "https://www.youtube-nocookie.com" : "https://player.vimeo.com" }
    }

    public var provider: Provider
    /// YouTube's 11-character id, or Vimeo's number (with `?h=…` for an unlisted video).
    public var id: String
    public var title: String
    /// 1-based line of the opening fence.
    public var line: Int

    public var embedURL: String {
        switch provider {
        case .youtube: "\(provider.frameOrigin)/embed/\(id)"
        case .vimeo: "\(provider.frameOrigin)/video/\(id)"
        }
    }

    /// The video's own page, linked when JavaScript does not run.
    public var watchURL: String {
        switch provider {
        case .youtube: "https://www.youtube.com/watch?v=\(id)"
        case .vimeo: "https://vimeo.com/" + id.replacingOccurrences(of: "?h=", with: "/")
        }
    }

    /// The block's content as an embed, or what is wrong with it, for an error at its line.
    enum Parsed { case video(VideoEmbed), problem(MarkdownDiagnostic) }

    static func parse(_ literal: String, line: Int) -> Parsed {
        let lines = literal.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let hint = "put a YouTube or Vimeo address on the block's first line and the video's title on the second, "
            + "for example `https://www.youtube.com/watch?v=dQw4w9WgXcQ`, then `How to reset your password`."
        guard let address = lines.first else {
            return .problem(MarkdownDiagnostic(line: line, "this video block is empty", hint: hint))
        }
        guard let (provider, id) = Self.video(at: address) else {
            return .problem(MarkdownDiagnostic(line: line + 1, "`\(address)` is not a YouTube or Vimeo video address", hint: hint))
        }
        guard lines.count >= 2 else {
            return .problem(MarkdownDiagnostic(line: line, "this video has no title; readers and screen readers need one before it plays", hint: hint))
        }
        guard lines.count == 2 else {
            return .problem(MarkdownDiagnostic(line: line + 3, "a video block holds two lines, the address and the title; this one has more", hint: hint))
        }
        return .video(VideoEmbed(provider: provider, id: id, title: lines[1], line: line))
    }

    /// YouTube (watch, youtu.be, embed, shorts) and Vimeo (page or player) addresses.
    static func video(at address: String) -> (Provider, String)? {
        guard let url = URLComponents(string: address), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
              var host = url.host?.lowercased() else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasPrefix("m.") { host.removeFirst(2) }
        let segments = url.path.split(separator: "/").map(String.init)
        switch host {
        case "youtube.com", "youtube-nocookie.com":
            let id = segments.first == "watch" ? url.queryItems?.first { $0.name == "v" }?.value
                : (["embed", "shorts", "live"].contains(segments.first ?? "") && segments.count == 2 ? segments[1] : nil)
            return id.flatMap(youTubeID).map { (.youtube, $0) }
        case "youtu.be":
            return segments.count == 1 ? youTubeID(segments[0]).map { (.youtube, $0) } : nil
        case "vimeo.com", "player.vimeo.com":
            let rest = host == "player.vimeo.com" && segments.first == "video" ? Array(segments.dropFirst()) : segments
            guard let number = rest.first, !number.isEmpty, number.allSatisfy(\.isASCIIDigit), rest.count <= 2 else { return nil }
            let hash = rest.count == 2 ? rest[1] : url.queryItems?.first { $0.name == "h" }?.value
            guard let hash else { return (.vimeo, number) }
            return hash.allSatisfy(\.isASCIIHexDigitOrLetter) && !hash.isEmpty ? (.vimeo, "\(number)?h=\(hash)") : nil
        default:
            return nil
        }
    }

    private static func youTubeID(_ text: String) -> String? {
        text.count == 11 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") } ? text : nil
    }

    /// The placeholder: a link to the video's page that the page script turns into a button
    /// loading the player (`templates/assets/page.js`).
    func appendHTML(to out: inout String) {
        out += "<figure class=\"video\" data-video-src=\""
        HTMLEscaper.quotes.append(embedURL, to: &out)
        out += "\" data-video-title=\""
        HTMLEscaper.quotes.append(title, to: &out)
        out += "\">\n<a class=\"video-link\" href=\""
        HTMLEscaper.quotes.append(watchURL, to: &out)
        out += "\"><span class=\"video-title\">"
        HTMLEscaper.quotes.append(title, to: &out)
        out += "</span> <span class=\"video-action\">Watch on \(provider.name)</span></a>\n</figure>\n"
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIIHexDigitOrLetter: Bool { isASCII && (isLetter || isNumber) }
}
