import Foundation

/// Compiles site.yml's accent colours into the theme's stylesheet as custom properties, after
/// checking that links and button text stay readable on them (WCAG AA, 4.5:1) against the
/// theme's own backgrounds, read from the same stylesheet.
enum BrandStylesheet {
    static let minimumContrast = 4.5

    /// One colour scheme of the theme: its backgrounds and text, and the accent given for it.
    struct Scheme {
        var name: String
        var background, surface, text: BrandColor
        var accent: BrandColor

        /// The properties the theme colours links, buttons and highlights with.
        var properties: [(String, BrandColor)] {
            [("--accent", accent), ("--link", accent), ("--focus", accent), ("--on-accent", background),
             ("--accent-hover", accent.mixed(with: text, 0.2)), ("--accent-shadow", accent.mixed(with: text, 0.45)),
             ("--accent-soft", soft)]
        }

        var soft: BrandColor { accent.mixed(with: background, 0.9) }

        /// The backgrounds links and button text meet, the worst first.
        var pairs: [(what: String, ratio: Double)] {
            [("the page background \(background.hex) (and as button text on it)", accent.contrast(with: background)),
             ("panels (\(surface.hex))", accent.contrast(with: surface)),
             ("highlighted results (\(soft.hex))", accent.contrast(with: soft))]
                .sorted { $0.ratio < $1.ratio }
        }
    }

    /// `css` with the brand's properties appended (later rules win), or an error at site.yml's
    /// line for each colour that is not readable enough.
    static func compile(_ css: Data, brand: Branding, configFile: String?) throws(BuildErrors) -> Data {
        guard brand.accentLight != nil || brand.accentDark != nil else { return css }
        let text = String(decoding: css, as: UTF8.self)
        var schemes: [Scheme] = []
        var errors: [BuildError] = []
        for (name, accent) in [("light", brand.accentLight), ("dark", brand.accentDark)] {
            guard let accent else { continue }
            let scheme = self.scheme(name, accent: accent, in: text)
            if let worst = scheme.pairs.first, worst.ratio < minimumContrast {
                errors.append(BuildError(.config, step: .theme, file: configFile, line: brand.lines["accent.\(name)"],
                                         "`accent.\(name)` \(accent.hex) has a contrast of \(format(worst.ratio)):1 on \(worst.what); links and button text need at least 4.5:1 (WCAG AA)",
                                         hint: name == "light" ? "choose a darker colour for the light scheme." : "choose a lighter colour for the dark scheme."))
            }
            schemes.append(scheme)
        }
        if !errors.isEmpty { throw BuildErrors(errors) }
        var result = text + "\n/* Accent colours from site.yml */\n"
        for scheme in schemes {
            let declarations = scheme.properties.map { "\($0.0): \($0.1.hex);" }.joined(separator: " ")
            // Each in its own scheme: a plain `:root` here would also win over the theme's dark block.
            let query = scheme.name == "dark" ? "(prefers-color-scheme: dark)" : "not all and (prefers-color-scheme: dark)"
            result += "@media \(query) { :root { \(declarations) } }\n"
        }
        return Data(result.utf8)
    }

    /// Two decimals, rounded down: a ratio of 4.497 is not shown as passing 4.5.
    static func format(_ ratio: Double) -> String {
        let hundredths = Int((ratio * 100).rounded(.down))
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The theme's colours for `name` from its `:root` blocks (the first, and the one inside
    /// `prefers-color-scheme: dark`), else the default theme's.
    static func scheme(_ name: String, accent: BrandColor, in css: String) -> Scheme {
        let dark = name == "dark"
        var block = Substring(css)
        if dark {
            // A theme without a dark block: the default theme's dark colours, not its light ones.
            block = css.range(of: "prefers-color-scheme: dark").map { css[$0.upperBound...] } ?? ""
        }
        if let root = block.range(of: ":root") {
            block = block[root.upperBound...]
            if let end = block.firstIndex(of: "}") { block = block[..<end] }
        }
        func color(_ property: String, _ fallback: String) -> BrandColor {
            guard let start = block.range(of: property + ":") else { return BrandColor(hex: fallback)! }
            let value = block[start.upperBound...].prefix { $0 != ";" && $0 != "}" }
            return BrandColor(hex: value.trimmed) ?? BrandColor(hex: fallback)!
        }
        return Scheme(name: name, background: color("--bg", dark ? "#101418" : "#ffffff"),
                      surface: color("--surface", dark ? "#181e25" : "#f4f6f8"),
                      text: color("--text", dark ? "#e5e9ee" : "#1a1f26"), accent: accent)
    }
}
