import Foundation
import Testing
@testable import Guidepost

/// site.yml's logo, favicon, preview image and accent colours.
@Suite struct BrandingTests {
    private func build(_ siteYML: String, files: [String: String] = [:], css: String = "body{}") throws(BuildErrors) -> SiteOutput {
        var theme = minimalTheme
        theme["templates/home.mustache"] = "{{site.logoURL}}|{{site.faviconURL}}|{{site.faviconType}}|{{site.ogImage}}|{{assets.site_css}}"
        theme["templates/assets/site.css"] = css
        var all = files
        all["site.yml"] = siteYML
        all["a.md"] = guideFile("A")
        return try generate(all, theme: theme)
    }

    private func stylesheet(_ output: SiteOutput) -> String? {
        output.files.first { $0.path.hasPrefix("assets/site.") }.flatMap { output.text($0.path) }
    }

    @Test func accentColoursAreCompiledIntoTheHashedStylesheetForEachScheme() throws {
        let plain = try build("title: X\n")
        let branded = try build("title: X\naccent:\n  light: \"#0B5394\"\n  dark: \"#9fc5ff\"\n")
        let css = try #require(stylesheet(branded))
        #expect(css.hasPrefix("body{}"))
        #expect(css.contains("@media not all and (prefers-color-scheme: dark) { :root { --accent: #0b5394; --link: #0b5394;"))
        #expect(css.contains("@media (prefers-color-scheme: dark) { :root { --accent: #9fc5ff; --link: #9fc5ff;"))
        #expect(stylesheet(plain) == "body{}")
        #expect(plain.text("index.html") != branded.text("index.html"), "the stylesheet's name carries its content")
        for file in branded.files where file.path.hasSuffix(".html") {
            #expect(branded.text(file.path)?.contains("style=") == false)
        }
    }

    @Test func aColourTooFaintForLinksStopsTheBuildWithItsRatioAtItsLine() throws {
        let lightTheme = ":root { --bg: #ffffff; --surface: #f4f6f8; --text: #1a1f26; }"
        for (yaml, line, color, background) in [("accent:\n  light: \"#7fb0ff\"\n", 3, "#7fb0ff", "#ffffff"),
                                                ("accent:\n  light: \"#0a58ca\"\n  dark: \"#0a58ca\"\n", 4, "#0a58ca", "#101418")] {
            do {
                _ = try build("title: X\n" + yaml, css: lightTheme)
                Issue.record("built with \(color)")
            } catch {
                #expect(error.errors.count == 1)
                let message = error.errors.first?.message ?? ""
                let scheme = BrandStylesheet.scheme(line == 3 ? "light" : "dark", accent: BrandColor(hex: color)!, in: lightTheme)
                #expect(scheme.background.hex == background)
                let worst = try #require(scheme.pairs.first)
                #expect(worst.ratio < BrandColor(hex: color)!.contrast(with: scheme.background) + 0.001)
                #expect(message.contains("`accent.\(scheme.name)` \(color) has a contrast of \(BrandStylesheet.format(worst.ratio)):1 on \(worst.what)"), "\(message)")
                #expect(message.contains("4.5:1"))
                #expect(error.errors.first?.file == "content/site.yml")
                #expect(error.errors.first?.line == line)
            }
        }
    }

    @Test func theCheckUsesTheThemesOwnBackgrounds() throws {
        // Readable on white, not on a dark grey page.
        let greyTheme = ":root { --bg: #555555; --surface: #555555; --text: #ffffff; }"
        #expect(throws: BuildErrors.self) { try build("accent:\n  light: \"#0a58ca\"\n", css: greyTheme) }
        _ = try build("accent:\n  light: \"#0a58ca\"\n")
    }

    @Test(arguments: ["blue", "#12345", "#ggg000", "0a58ca"])
    func aColourThatIsNotOneIsAnError(_ value: String) {
        let errors = buildErrors(["site.yml": "title: X\naccent:\n  light: \"\(value)\"\n", "a.md": guideFile("A")])
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("`accent.light` must be a colour written `#rrggbb`") == true)
    }

    @Test func contrastIsWCAGs() {
        let white = BrandColor(hex: "#fff")!, black = BrandColor(hex: "#000000")!
        #expect(white.contrast(with: black) == 21)
        #expect(BrandStylesheet.format(BrandColor(hex: "#777777")!.contrast(with: white)) == "4.47")
        #expect(BrandStylesheet.format(BrandColor(hex: "#767676")!.contrast(with: white)) == "4.54")
    }

    @Test func theLogoFaviconAndPreviewImageComeFromContent() throws {
        let files = ["brand/Logo.png": "png", "brand/icon.ico": "ico"]
        let output = try build("title: X\nbaseURL: https://help.example.com/docs/\nlogo: brand/Logo.png\nfavicon: /brand/icon.ico\n", files: files)
        let parts = try #require(output.text("index.html")).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        #expect(parts[0].hasPrefix("/docs/media/") && parts[0].hasSuffix(".png"))
        #expect(parts[1].hasPrefix("/docs/media/") && parts[1].hasSuffix(".ico"))
        #expect(parts[2] == "image/x-icon")
        #expect(parts[3] == "https://help.example.com" + parts[0], "og:image is the logo, absolute")
        let withoutBase = try build("logo: brand/Logo.png\nogImage: brand/icon.ico\n", files: files)
        let other = try #require(withoutBase.text("index.html")).split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        #expect(other[3].hasPrefix("/media/") && other[3].hasSuffix(".ico"), "an ogImage wins over the logo; a path without a base URL")
    }

    @Test func aBrandImageThatIsNotThereOrNotAnImageIsAnErrorAtItsLine() {
        let errors = buildErrors(["site.yml": "title: X\nlogo: missing.png\nfavicon: notes.txt\n", "a.md": guideFile("A"), "notes.txt": "x"])
        #expect(errors.map(\.line) == [2, 3])
        #expect(errors.first?.message == "`logo: missing.png` is not a file in the content folder")
        #expect(errors.last?.message == "`favicon: notes.txt` is not an image")
    }
}
