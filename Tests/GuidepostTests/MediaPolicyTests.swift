import Foundation
import Testing
@testable import Guidepost

/// Files beside the guides are published only when a browser would show or download them,
/// never run them, unless site.yml allows a type by name.
@Suite struct MediaPolicyTests {
    @Test func activeAndUnknownTypesAreRefusedWithAnErrorNamingTheFile() {
        let errors = buildErrors([
            "a.md": guideFile("A"),
            "evil.html": "<script>alert(1)</script>", "page.htm": "", "page.xhtml": "", "feed.xml": "", "code.js": "",
            "module.mjs": "", "logo.svg": "<svg onload=alert(1)/>", "LICENSE": "", "data.xyz": "",
        ])
        #expect(errors.map(\.kind) == Array(repeating: .unsafePath, count: 9))
        #expect(errors.compactMap(\.file).sorted() == ["LICENSE", "code.js", "data.xyz", "evil.html", "feed.xml", "logo.svg", "module.mjs",
                                                          "page.htm", "page.xhtml"].map { "content/" + $0 })
        let svg = errors.first { $0.file == "content/logo.svg" }
        #expect(svg?.message.contains("a `.svg` file is not published") == true)
        #expect(svg?.hint?.contains("media: {allow: [\".svg\"]}") == true)
    }

    @Test func imagesDocumentsMediaDataAndArchivesArePublished() throws {
        let names = ["a.png", "b.JPG", "c.webp", "d.pdf", "e.mp4", "f.mp3", "g.csv", "h.txt", "i.json", "j.zip", "k.tar.gz"]
        var files = ["a.md": guideFile("A")]
        for name in names { files["Files/" + name] = "x" }
        let site = try generate(files)
        for name in names {
            let published = "media/files/" + name.lowercased().replacingOccurrences(of: "k.tar.gz", with: "k-tar.gz")
            #expect(site[published] != nil, "\(published) is missing")
        }
    }

    @Test func siteYmlAllowsMoreTypesByName() throws {
        let site = try generate([
            "site.yml": "media:\n  allow: [.svg, HTML, \" .xyz\"]\n",
            "a.md": guideFile("A"), "logo.svg": "<svg/>", "export.html": "<p>", "data.xyz": "",
        ])
        #expect(site["media/logo.svg"] != nil && site["media/export.html"] != nil && site["media/data.xyz"] != nil)
        #expect(buildErrors(["site.yml": "media:\n  allow: [.svg]\n", "a.md": guideFile("A"), "x.js": ""]).compactMap(\.file) == ["content/x.js"])
    }

    @Test func filesTheSystemLeftAreSkippedWithAWarning() throws {
        var tree = minimalTheme
        tree["content/a.md"] = guideFile("A")
        tree["content/Pictures/Thumbs.db"] = "x"
        tree["content/desktop.ini"] = "x"
        tree["content/notes.txt~"] = "x"
        tree["content/.DS_Store"] = "x"
        let pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(tree))
        let site = try pipeline.generate()
        #expect(!site.files.contains { $0.path.hasPrefix("media/") })
        let warnings = pipeline.check().findings.filter { $0.severity == .warning && $0.message.contains("left out of the site") }
        #expect(warnings.map(\.file) == ["content/Pictures/Thumbs.db", "content/desktop.ini", "content/notes.txt~"])
    }

    @Test func theHeadersFileSandboxesEverythingUnderMedia() throws {
        let site = try generate(["a.md": guideFile("A"), "a.png": "x"], baseURL: "https://example.com/help/")
        let headers = try #require(site.text("_headers"))
        #expect(headers.contains("/help/media/*\n  Content-Security-Policy: default-src 'none'; sandbox\n  X-Content-Type-Options: nosniff\n"))
    }
}
