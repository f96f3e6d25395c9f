import Foundation

/// A site's own look from `site.yml`: its logo, favicon, link-preview image and accent colours.
/// The colours are compiled into the theme's stylesheet (`BrandStylesheet`), never written
/// inline, so the strict CSP holds.
public struct Branding: Sendable, Equatable {
    /// Paths below `content/`, as site.yml gives them.
    public var logo: String?
    public var favicon: String?
    /// The `og:image` of every page; the logo when not given.
    public var ogImage: String?
    public var accentLight: BrandColor?
    public var accentDark: BrandColor?
    /// Line of each key in site.yml (`logo`, `favicon`, `ogImage`, `accent.light`, `accent.dark`).
    var lines: [String: Int] = [:]

    public init() {}

    var previewImage: String? { ogImage ?? logo }

    static func parse(_ yaml: YAMLReader, file: String) throws(BuildError) -> (Branding, [CheckFinding]) {
        var brand = Branding()
        var warnings: [CheckFinding] = []
        for key in ["logo", "favicon", "ogImage"] {
            guard let value = try yaml.string(key)?.trimmed.nonEmpty else { continue }
            let path = value.hasPrefix("./") ? String(value.dropFirst(2)) : value.hasPrefix("/") ? String(value.dropFirst()) : value
            brand.lines[key] = yaml.line(of: key)
            switch key {
            case "logo": brand.logo = path
            case "favicon": brand.favicon = path
            default: brand.ogImage = path
            }
        }
        if let accent = try yaml.reader("accent") {
            warnings += accent.unknownKeys(KnownKeys.siteAccent, in: "`accent`")
            for scheme in ["light", "dark"] {
                guard let text = try accent.string(scheme)?.trimmed.nonEmpty else { continue }
                let line = accent.line(of: scheme)
                guard let color = BrandColor(hex: text) else {
                    throw BuildError(.config, step: .load, file: file, line: line,
                                     "`accent.\(scheme)` must be a colour written `#rrggbb` or `#rgb`, but it is `\(text)`",
                                     hint: "write it in quotes, since YAML reads `#` as a comment: `\(scheme): \"#0a58ca\"`.")
                }
                brand.lines["accent.\(scheme)"] = line
                if scheme == "light" { brand.accentLight = color } else { brand.accentDark = color }
            }
        }
        return (brand, warnings)
    }

    /// The images site.yml names must be files of `content/` that are published (an image), or
    /// the header, favicon or preview would point at nothing.
    func missingFiles(in files: [SourceFile], file: String) -> [BuildError] {
        let published = Set(files.map(\.path))
        var errors: [BuildError] = []
        for (key, path) in [("logo", logo), ("favicon", favicon), ("ogImage", ogImage)] {
            guard let path else { continue }
            if !published.contains(path) {
                errors.append(BuildError(.config, step: .load, file: file, line: lines[key],
                                         "`\(key): \(path)` is not a file in the content folder",
                                         hint: "put the image in the content folder and give its path there, for example `\(key): images/logo.png`."))
            } else if !Self.imageTypes.contains(Self.fileExtension(path)) {
                errors.append(BuildError(.config, step: .load, file: file, line: lines[key],
                                         "`\(key): \(path)` is not an image",
                                         hint: "use a PNG, JPEG, GIF, WebP, AVIF, ICO or (allowed under `media`) SVG file."))
            }
        }
        return errors
    }

    static let imageTypes: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "svg"]

    static func fileExtension(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
        return path[path.index(after: dot)...].lowercased()
    }

    /// The MIME type a `<link rel="icon">` declares for `path`.
    static func imageType(_ path: String) -> String {
        switch fileExtension(path) {
        case "svg": "image/svg+xml"
        case "ico": "image/x-icon"
        case "jpg", "jpeg": "image/jpeg"
        default: "image/" + fileExtension(path)
        }
    }
}

/// An sRGB colour, and what WCAG asks of two of them.
public struct BrandColor: Sendable, Equatable {
    public var red, green, blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        (self.red, self.green, self.blue) = (red, green, blue)
    }

    /// `#rrggbb` or `#rgb`, either case.
    public init?(hex text: String) {
        guard text.hasPrefix("#") else { return nil }
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    public var hex: String {
        "#" + [red, green, blue].map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// WCAG 2 relative luminance.
    var luminance: Double {
        func channel(_ value: UInt8) -> Double {
            let c = Double(value) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
    }

    /// WCAG 2 contrast ratio, 1 to 21.
    func contrast(with other: BrandColor) -> Double {
        let (light, dark) = (max(luminance, other.luminance), min(luminance, other.luminance))
        return (light + 0.05) / (dark + 0.05)
    }

    /// `amount` (0…1) of the way from this colour to `other`.
    func mixed(with other: BrandColor, _ amount: Double) -> BrandColor {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * amount).rounded()) }
        return BrandColor(red: mix(red, other.red), green: mix(green, other.green), blue: mix(blue, other.blue))
    }
}

/// Where the site's brand images are published, as pages link to them.
struct BrandURLs {
    var logo, favicon: String?
    /// Absolute when site.yml names a `baseURL`, as link previews need.
    var ogImage: String?

    init() {}

    init(_ model: SiteModel) {
        let brand = model.config.brand, base = model.config.baseURL
        guard brand.logo != nil || brand.favicon != nil || brand.ogImage != nil else { return }
        let placed = Dictionary(model.files.map { ($0.source.path, $0.path) }) { first, _ in first }
        logo = brand.logo.flatMap { placed[$0]?.href(base) }
        favicon = brand.favicon.flatMap { placed[$0]?.href(base) }
        ogImage = brand.previewImage.flatMap { placed[$0] }.map { base.isGiven ? $0.absolute(base) : $0.href(base) }
    }
}
