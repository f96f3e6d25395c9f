import Foundation
import Testing
@testable import Guidepost
import GuidepostMarkdown

/// SplitMix64: small, fast and the same on every platform, so a failing seed can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(0...choices.count - 1)] }
}

/// Random and malformed sites: Markdown, front matter, site.yml and file names, each drawn from
/// what authors get wrong and what attackers try. Every draw depends only on the seed.
struct SiteFuzzer {
    var random: SeededRandom
    /// Wild draws break anything; tame ones keep YAML well-formed, UTF-8 valid and links
    /// resolvable, so that half the sites build and the later steps get exercised too.
    var wild = true

    static let words = ["reset", "phone", "Ёлка", "账户", "café", "naïve", "🎉", "a\u{301}", "שלום", "x", "", " ", "\t",
                        "<b>", "&amp;", "&#0;", "&#x110000;", "\\", "`", "*", "_", "[", "]", "(", ")", "{#", "}", "|", "---",
                        "\u{0}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{2028}", "%", "%zz", "%2e%2e", "..", "/", "#", "?", "'", "\""]
    // Code-running schemes are build errors, so they are wild only; tame links are ones a site keeps.
    static let tameDestinations = ["https://example.com/a b", "//evil.example", "mailto:a@b", "#", "", "?q=1#",
                                   "http://[::1]/\"quoted\" <x>", "https://example.com/?a=1&b=<2>"]
    static let destinations = ["https://example.com/a b", "javascript:alert(1)", "JAVA\tSCRIPT:x", "data:text/html,x",
                               "vbscript:x", "file:///etc/passwd", "//evil.example", "mailto:a@b", "#", "#nowhere", "",
                               "../../../etc/passwd", "%2e%2e/%2e%2e/x.md", "?q=1", "a.md", "b/c.md#x", "<a b.md>",
                               "img.png", "./", "/", "x.md#", "#%zz", "faq.md#q"]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    mutating func text(_ count: ClosedRange<Int> = 0...8) -> String {
        (0..<random.int(count)).map { _ in random.pick(Self.words) }.joined(separator: random.pick([" ", "", "  ", "\t"]))
    }

    /// A scalar from anywhere in Unicode except the surrogates, which UTF-8 cannot carry.
    mutating func scalar() -> Character {
        while true {
            let value = random.chance(0.5) ? UInt32(random.int(0...0x7F)) : UInt32(random.int(0...0x10FFFF))
            if let scalar = Unicode.Scalar(value) { return Character(scalar) }
        }
    }

    mutating func line() -> String {
        switch random.int(0...23) {
        case 0: return String(repeating: "#", count: random.int(1...7)) + " " + text()
        case 1: return "## " + text() + " {#" + text(0...2) + "}"
        case 2: return String(repeating: " ", count: random.int(0...12)) + random.pick(["-", "*", "+", "1.", "2)", "99999999999."]) + " " + text()
        case 3: return String(repeating: random.pick(["> ", ">", "> - "]), count: random.int(1...30)) + text()
        case 4: return "> [!" + random.pick(["NOTE", "warning", "TIP", "BOGUS", ""]) + "]"
        case 5: return random.pick(["```", "~~~", "````"]) + (wild ? random.pick(["", "flow", "swift", "flow\toccupied-contact", "`x`"]) : random.pick(["", "swift", "`x`"]))
        case 6: return random.pick(["occupied-contact", "no-such-flow", ""])
        case 7: return "[" + text(0...3) + "](" + destination() + random.pick(["", " \"title\"", " 'x"]) + ")"
        case 8: return "![" + text(0...3) + "](" + destination() + ")"
        case 9: return "[" + text(0...2) + "]: " + destination()
        case 10: return "[" + text(0...2) + "][" + text(0...2) + "]"
        case 11: return "<" + destination() + ">"
        case 12: return random.pick(["<div>", "</div>", "<!--", "-->", "<script>alert(1)</script>", "<![CDATA[", "<?php", "<img src=x onerror=alert(1)>"])
        case 13: return String(repeating: random.pick(["*", "_", "**", "__", "`", "[", "]", "(", ")", "\\", "<", "!["]), count: random.int(1...200))
        case 14: return String((0..<random.int(0...40)).map { _ in scalar() })
        case 15: return String(repeating: "word ", count: random.int(100...3000))
        case 16: return random.pick(["***", "---", "___", "===", "- - -", "    indented code", "\tcode"])
        case 17: return "    " + text()
        case 18: return random.pick(["", "", " ", "\t", "\\"])
        case 19: return "---"
        case 20: return "|" + text(1...3) + "|" + text(1...3) + "|"
        case 21: return random.pick(["&copy;", "&#x26;", "&#99999999;", "&;", "&notanentity;"])
        default: return text(1...12)
        }
    }

    mutating func destination() -> String {
        random.pick(wild ? Self.destinations : Self.tameDestinations)
    }

    mutating func markdown() -> String {
        let newline = random.pick(["\n", "\n", "\n\n", "\r\n", "\r"])
        return (0..<random.int(0...40)).map { _ in line() }.joined(separator: newline)
    }

    /// A double-quoted YAML string of `text`, whatever it holds.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{FEFF}" || scalar.properties.generalCategory == .unassigned || scalar.properties.isNoncharacterCodePoint:
                result += String(format: "\\U%08X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    mutating func yamlValue() -> String {
        if !wild {
            switch random.int(0...5) {
            case 0: return "[" + (0..<random.int(0...3)).map { _ in Self.quoted(text(0...3)) }.joined(separator: ", ") + "]"
            case 1: return String(random.int(-5...99))
            default: return Self.quoted(text(0...6))
            }
        }
        switch random.int(0...14) {
        case 0: return text()
        case 1: return "\"" + text() + random.pick(["\"", ""])
        case 2: return "'" + text() + random.pick(["'", ""])
        case 3: return "[" + (0..<random.int(0...4)).map { _ in text(0...2) }.joined(separator: ", ") + random.pick(["]", ""])
        case 4: return "{a: " + text(0...2) + random.pick(["}", ""])
        case 5: return String(random.int(-5...99999)) + random.pick(["", ".5", "e999"])
        case 6: return random.pick(["true", "no", "null", "~", "", "!!binary aGk=", "!!python/object:os.system x", "*undefined", "&a x", "? x", "|", ">-"])
        case 7: return "\n  - " + text() + "\n  - [" + text(0...2) + "]\n  -\n    a: b"
        case 8: return "\n\t" + text()
        case 9: return random.pick(["occupied-contact", "guide", "faq", "home", "landing", "../../etc", "/old/", "a/b/../c"])
        case 10: return String(repeating: "[", count: random.int(1...1500))
        case 11: return "|\n  " + text() + "\n  " + text()
        default: return text(1...4)
        }
    }

    mutating func frontMatter() -> String {
        let keys = ["title", "summary", "description", "tags", "slug", "category", "order", "layout", "flow", "aliases", "title", "x", "Title"]
        var yaml = (0..<random.int(0...8)).map { _ in random.pick(keys) + ":" + random.pick([" ", "", "  "]) + yamlValue() }
        if !wild {
            // Each key once, with values any text fills.
            yaml = ["summary", "description", "x"].filter { _ in random.chance(0.5) }.map { $0 + ": " + Self.quoted(text(0...6)) }
            if random.chance(0.5) { yaml.append("tags: [" + (0..<random.int(0...3)).map { _ in Self.quoted(text(0...3)) }.joined(separator: ", ") + "]") }
            yaml.insert("title: " + Self.quoted("T " + text(0...4)), at: 0)
        } else if random.chance(0.7) {
            yaml.insert("title: " + random.pick([text(1...4), "T", "\"" + text() + "\""]), at: 0)
        }
        let close = wild ? random.pick(["---", "---", "...", "--- ", "", "----"]) : "---"
        return "---\n" + yaml.joined(separator: "\n") + "\n" + close + "\n"
    }

    mutating func fileName() -> String {
        switch random.int(0...11) {
        case 0: return "a"
        case 1: return text(1...3).replacingOccurrences(of: "/", with: "∕").replacingOccurrences(of: "\u{0}", with: "")
        case 2: return String(repeating: random.pick(["a", "é", "長", "🎉"]), count: random.int(60...250))
        case 3: return random.pick(["index", "faq", "Index", "FAQ", "search", "assets", "flows", "media", "guides", "categories", "404"])
        case 4: return random.pick(["a b", " a", "a ", "a.b", "a..b", "...x", "a.", "-", "_", "!!!", "<>\"'&", "%2F", "%", "\\"])
        case 5: return random.pick(["Безопасность", "账户安全", "Café & Crème", "a\u{301}", "e\u{301}", "é", "ﬁ", "Å", "Å"])
        default: return random.pick(["guide", "reset-phone", "A", "B", "c"]) + String(random.int(0...3))
        }
    }

    /// A name a real folder could hold: no `/`, no NUL, not empty, not `.` or `..`.
    mutating func component() -> String {
        // Tame names have a letter, so each folder makes a category.
        let name = wild ? fileName() : random.pick(["Безопасность", "账户安全", "Café & Crème", "a\u{301}", "<b>\"x\"&'<∕b>", "a b", "a.b", "guide", "A", "faq", "index", String(repeating: "é", count: 120)])
        return name.isEmpty || name == "." || name == ".." ? "dots" : name
    }

    mutating func path() -> String {
        let folders = (0..<random.pick([0, 0, 1, 1, 2, 6])).map { _ in component() }
        let ext = wild ? random.pick([".md", ".md", ".md", ".md", ".MD", ".png", ".markdown", "", ".md.md"]) : random.pick([".md", ".MD", ".md.md"])
        return (folders + [component() + ext]).joined(separator: "/")
    }

    mutating func siteYML() -> String {
        if !wild {
            return "title: \(Self.quoted(text(0...5)))\ndescription: \(Self.quoted(text(0...9)))\n"
                + "support:\n  url: https://example.com/help\n  label: \(Self.quoted(text(0...3)))\n  text: \(Self.quoted(text(0...9)))\n"
        }
        var lines: [String] = []
        for key in ["title", "description", "language", "baseURL", "templateOverrides"] where random.chance(0.3) {
            lines.append(key + ": " + random.pick([yamlValue(), "https://example.com/help/", "http://[::1]:8/x?y", "en"]))
        }
        if random.chance(0.4) {
            lines.append("categories:")
            for _ in 0..<random.int(0...3) { lines.append("  - name: " + yamlValue() + "\n    description: " + yamlValue()) }
        }
        if random.chance(0.4) {
            lines.append("support:\n  url: " + random.pick(Self.destinations + ["https://example.com/s", "/contact/"]) + "\n  label: " + yamlValue())
        }
        if random.chance(0.2) { lines.append("markdown:\n  rawHTML: " + random.pick(["true", "false", "maybe"])) }
        if random.chance(0.1) { lines.append(yamlValue()) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One site: paths below `content/` and their bytes.
    mutating func site() -> [String: Data] {
        wild = random.chance(0.5)
        var files: [String: Data] = [:]
        for _ in 0..<random.int(1...6) {
            var path = self.path()
            if !wild { path = path.replacingOccurrences(of: ".png", with: ".md").replacingOccurrences(of: ".markdown", with: ".md") }
            var text = (random.chance(0.8) ? frontMatter() : "") + markdown()
            if wild && random.chance(0.1) { text = String(text.prefix(random.int(0...text.count))) }
            var data = Data(text.utf8)
            switch wild ? random.int(0...19) : 99 {
            case 0: data = Data((0..<random.int(0...400)).map { _ in UInt8.random(in: 0...255, using: &random) })
            case 1: data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
            case 2: data.append(contentsOf: [0xC3, 0x28, 0xFF, 0xFE, 0x0A])
            default: break
            }
            files[path] = data
        }
        if random.chance(0.5) { files["site.yml"] = Data(siteYML().utf8) }
        return files
    }
}

/// The real theme, read once, so fuzzed sites render through the templates readers get.
let realTheme: [String: Data] = {
    let root = repositoryRoot.appendingPathComponent("templates")
    var tree: [String: Data] = [:]
    for path in (try? LocalFileSystem().files(under: root.path)) ?? [] {
        tree["templates/" + path] = try? Data(contentsOf: root.appendingPathComponent(path))
    }
    return tree
}()

enum BuildOutcome {
    case built(SiteOutput)
    case failed([BuildError])
}

/// Builds `content` (paths below `content/`) in memory with the real theme and times it.
func buildInMemory(_ content: [String: Data]) -> (BuildOutcome, Duration) {
    var tree = realTheme
    for (path, data) in content { tree["content/" + path] = data }
    let pipeline = BuildPipeline(fileSystem: InMemoryFileSystem(data: tree))
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: BuildOutcome
    do { outcome = .built(try pipeline.generate()) } catch { outcome = .failed(error.errors) }
    return (outcome, clock.now - start)
}

/// What must hold for any input: a site whose every path stays inside the output folder, or
/// errors that each name a file.
func problems(of outcome: BuildOutcome) -> [String] {
    switch outcome {
    case .built(let site):
        return site.files.map(\.path).filter { !Publisher.isSafe($0) }.map { "unsafe output path \($0.debugDescription)" }
            + (site.files.isEmpty ? ["a site with no files"] : [])
    case .failed(let errors):
        if errors.isEmpty { return ["a failure with no error"] }
        return errors.compactMap { error in
            guard let file = error.file, !file.isEmpty else { return "no file named: \(error.description)" }
            return error.description.hasPrefix(file) ? nil : "the message does not start with its file: \(error.description)"
        }
    }
}

@Suite(.timeLimit(.minutes(5))) struct RobustnessTests {
    /// 300 random sites (`GUIDEPOST_FUZZ_RUNS=n` for more); each problem names its seed, and
    /// `SiteFuzzer(seed:).site()` gives that site back.
    @Test func randomSitesBuildOrFailWithErrorsThatNameAFile() {
        var failures: [String] = []
        var built = 0, failed = 0
        var slowest: (Duration, UInt64) = (.zero, 0)
        let runs = ProcessInfo.processInfo.environment["GUIDEPOST_FUZZ_RUNS"].flatMap { UInt64($0) } ?? 300
        for seed in UInt64(1)...max(1, runs) {
            var fuzzer = SiteFuzzer(seed: seed)
            let (outcome, duration) = buildInMemory(fuzzer.site())
            if case .built = outcome { built += 1 } else { failed += 1 }
            if duration > slowest.0 { slowest = (duration, seed) }
            failures += problems(of: outcome).map { "seed \(seed): \($0)" }
        }
        #expect(failures.isEmpty, "\(failures.count) problems:\n\(failures.prefix(20).joined(separator: "\n"))")
        // Both outcomes are common, or the fuzzer would test one path only.
        #expect(built >= 20 && failed >= 20, "built \(built), failed \(failed)")
        #expect(slowest.0 < .seconds(10), "seed \(slowest.1) took \(slowest.0)")
    }

    /// Markdown alone, many more times than whole sites: parse, render, plain text.
    @Test func randomMarkdownParsesAndRenders() {
        for seed in UInt64(1)...1500 {
            var fuzzer = SiteFuzzer(seed: seed &* 7919)
            let source = fuzzer.markdown()
            let document = MarkdownDocument.parse(source)
            let html = HTMLRenderer().render(document)
            _ = document.plainText
            #expect(Set(document.headings.map(\.id)).count == document.headings.count, "seed \(seed): duplicate heading ids")
            #expect(document.tooDeep != nil || !html.contains("<script"), "seed \(seed): raw HTML reached the page")
            let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count + 1
            for link in document.links {
                #expect((1...lines).contains(link.line) && link.column >= 1, "seed \(seed): link at \(link.line):\(link.column)")
            }
        }
    }
}

@Suite(.timeLimit(.minutes(5)), .serialized) struct LargeInputTests {
    /// A guide of at least `bytes` bytes of varied blocks: sections, lists, callouts, code, prose.
    static func bigGuide(bytes: Int) -> Data {
        var text = "---\ntitle: Big\n---\n\n"
        text.reserveCapacity(bytes + 1000)
        var index = 0
        while text.utf8.count < bytes {
            defer { index += 1 }
            switch index % 5 {
            case 0: text += "## Section \(index)\n\nSee [the top](#section-0) and *emphasis*, **strong**, `code` and a [link](https://example.com/\(index)).\n\n"
            case 1: text += "- item one with some words \(index)\n- item two\n  - nested *item*\n\n"
            case 2: text += "> [!NOTE]\n> A callout with café and Ёлка \(index).\n\n"
            case 3: text += "```swift\nlet value = \(index) // <tag> & \"quotes\"\n```\n\n"
            default: text += String(repeating: "Plain words to search through, several of them. ", count: 12) + "\n\n"
            }
        }
        return Data(text.utf8)
    }

    static func built(_ content: [String: Data], sourceLocation: SourceLocation = #_sourceLocation) -> (SiteOutput?, Duration) {
        let (outcome, duration) = buildInMemory(content)
        #expect(problems(of: outcome).isEmpty, sourceLocation: sourceLocation)
        guard case .built(let site) = outcome else {
            if case .failed(let errors) = outcome { Issue.record("the build failed: \(BuildErrors(errors))", sourceLocation: sourceLocation) }
            return (nil, duration)
        }
        return (site, duration)
    }

    /// Ten times the input takes no more than about ten times as long: nothing quadratic. Three
    /// times the slack, since other tests share the cores; below half a second, timing is noise.
    static func expectLinear(small: Duration, large: Duration, factor: Double, _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let ratio = large / max(small, .milliseconds(5))
        #expect(large < .milliseconds(500) || ratio < factor * 3,
                "\(what): \(small) then \(large), \(ratio)× for \(factor)× the input", sourceLocation: sourceLocation)
    }

    @Test func aTenMegabyteGuideBuildsInLinearTime() throws {
        let small = Self.bigGuide(bytes: 1_000_000), large = Self.bigGuide(bytes: 10_000_000)
        let (_, smallTime) = Self.built(["big.md": small])
        let (site, largeTime) = Self.built(["big.md": large])
        let page = try #require(site?.text("guides/big/index.html"))
        #expect(page.contains(#"<h2 id="section-50000">Section 50000</h2>"#))
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "a 1 MB and a 10 MB guide")
    }

    @Test func aHundredThousandLineFileBuildsInLinearTime() throws {
        func lines(_ count: Int) -> Data {
            var text = "---\ntitle: Lines\n---\n"
            for index in 0..<count {
                text += index % 1000 == 0 ? "\n# Part \(index)\n\n" : (index % 3 == 0 ? "- line \(index)\n" : "line \(index)\n")
            }
            return Data(text.utf8)
        }
        let (_, smallTime) = Self.built(["lines.md": lines(10_000)])
        let (site, largeTime) = Self.built(["lines.md": lines(100_000)])
        #expect(site?.text("guides/lines/index.html")?.contains("line 99999") == true)
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "10,000 and 100,000 lines")
    }

    static func nested(_ kind: String, _ depth: Int) -> String {
        switch kind {
        case "list": (0..<depth).map { String(repeating: "  ", count: $0) + "- item \($0)\n" }.joined()
        case "ordered list": (0..<depth).map { String(repeating: "   ", count: $0) + "1. item \($0)\n" }.joined()
        case "quote": String(repeating: ">", count: depth) + " deep\n"
        case "quoted list": String(repeating: "> - ", count: depth) + "deep\n"
        case "emphasis": String(repeating: "*a ", count: depth) + "x" + String(repeating: " b*", count: depth) + "\n"
        case "links": String(repeating: "[", count: depth) + "x" + String(repeating: "](https://e.com)", count: depth) + "\n"
        default: fatalError(kind)
        }
    }

    @Test(arguments: ["list", "ordered list", "quote", "quoted list", "emphasis"])
    func nestingAtTheLimitBuilds(_ kind: String) throws {
        // `quoted list` nests two levels per step.
        let depth = kind == "quoted list" ? MarkdownDocument.maxNesting / 2 : MarkdownDocument.maxNesting
        let (site, _) = Self.built(["deep.md": Data((guideFile("Deep") + "\n" + Self.nested(kind, depth)).utf8)])
        #expect(site?.text("guides/deep/index.html")?.contains("deep") == true)
    }

    /// Nested 1,000 deep (and far deeper): the build stops with an error naming the file and
    /// the line, instead of overflowing the stack in whatever walks the tree.
    @Test(arguments: [("list", 1_000), ("ordered list", 1_000), ("quote", 1_000), ("quote", 200_000),
                      ("quoted list", 50_000), ("emphasis", 50_000), ("links", 50_000)])
    func deeperNestingFailsWithAnErrorNamingTheLine(_ kind: String, _ depth: Int) {
        let body = "Intro.\n\n" + Self.nested(kind, depth)
        let (outcome, duration) = buildInMemory(["deep.md": Data(guideFile("Deep", body: body).utf8)])
        #expect(duration < .seconds(20), "\(kind) \(depth) deep took \(duration)")
        guard case .failed(let errors) = outcome else {
            // cmark caps some kinds itself (links nest no deeper than its bracket stack): a build is fine too.
            #expect(kind == "links", "\(kind) \(depth) deep built")
            return
        }
        #expect(errors.count == 1)
        #expect(errors.first?.file == "content/deep.md")
        #expect(errors.first?.message.contains("more than \(MarkdownDocument.maxNesting) levels deep") == true)
        // The front matter takes 3 lines, the intro 2; the nesting starts on line 6.
        #expect((6...(6 + depth)).contains(errors.first?.line ?? 0), "line \(errors.first?.line ?? 0)")
    }

    /// Inputs known to make Markdown parsers quadratic stay roughly linear.
    @Test(arguments: ["[", "*a", "`", "<!--", "[a]: b\n", "> ", "- ", "_a_", "**", "&#"])
    func pathologicalRepetitionsStayLinear(_ unit: String) {
        func page(_ count: Int) -> [String: Data] {
            ["p.md": Data(("---\ntitle: P\n---\n\n" + String(repeating: unit, count: count) + "\n").utf8)]
        }
        let (small, smallTime) = buildInMemory(page(5_000))
        let (large, largeTime) = buildInMemory(page(50_000))
        #expect(problems(of: small).isEmpty && problems(of: large).isEmpty)
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "\(unit.debugDescription) × 5,000 and × 50,000")
    }

    /// Issue #17: 100,000 links to one anchor took 77 s, on one line: each link's column was
    /// counted from the line's start. To a heading of the same page and of a page elsewhere.
    @Test(arguments: ["#target", "../../Other/target.md#target"])
    func manyLinksToOneAnchorStayLinear(_ destination: String) throws {
        func site(_ count: Int) -> [String: Data] {
            let links = String(repeating: "[x](\(destination)) ", count: count)
            return ["Deep/Er/links.md": Data(guideFile("Links", body: "## Target\n\n" + links).utf8),
                    "Other/target.md": Data(guideFile("Target", body: "## Target\n\nText.").utf8)]
        }
        let (_, smallTime) = Self.built(site(10_000))
        let (large, largeTime) = Self.built(site(100_000))
        let page = try #require(large?.text("guides/links/index.html"))
        #expect(page.components(separatedBy: "#target\"").count - 1 >= 100_000)
        Self.expectLinear(small: smallTime, large: largeTime, factor: 10, "10,000 and 100,000 links to \(destination)")
    }
}
