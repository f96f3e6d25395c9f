import Foundation
import GuidepostSupport

extension FlowSpec {
    /// The spec as JSON with sorted keys, the same bytes for the same spec on every run, and
    /// safe to place inside `<script type="application/json">` as is.
    public func json(prettyPrinted: Bool = false) -> String {
        Self.encode(self, prettyPrinted: prettyPrinted)
    }

    /// The revision this spec should carry: FNV-1a (64-bit) of its compact JSON without the
    /// revision field. Not a security measure, only a cheap way to notice that a flow changed.
    public var computedRevision: String {
        let canonical = Self.encode(Unrevised(spec: self), prettyPrinted: false)
        let hex = String(FNV1a.hash(canonical.utf8), radix: 16)
        return "fnv1a64-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func encode(_ value: some Encodable, prettyPrinted: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            // The spec holds only strings, integers, arrays and objects, which always encode.
            preconditionFailure("Encoding a flow spec failed: \(error)")
        }
        return escapeForScriptElement(String(decoding: data, as: UTF8.self))
    }

    /// These characters can only occur inside JSON strings here, where `\uXXXX` means the same
    /// thing, so escaping them keeps the JSON equal while stopping `</script>` and `<!--` from
    /// ending the element, and the two line separators from breaking older JavaScript parsers.
    static func escapeForScriptElement(_ json: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "\\u003c".unicodeScalars)
            case ">": escaped.append(contentsOf: "\\u003e".unicodeScalars)
            case "&": escaped.append(contentsOf: "\\u0026".unicodeScalars)
            case "\u{2028}": escaped.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": escaped.append(contentsOf: "\\u2029".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}

/// The spec minus its revision, which is what the revision is a hash of.
private struct Unrevised: Encodable {
    let spec: FlowSpec

    enum CodingKeys: String, CodingKey {
        case specVersion, id, title, intro, start, questions, outcomes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(spec.specVersion, forKey: .specVersion)
        try container.encode(spec.id, forKey: .id)
        try container.encode(spec.title, forKey: .title)
        try container.encode(spec.intro, forKey: .intro)
        try container.encode(spec.start, forKey: .start)
        try container.encode(spec.questions, forKey: .questions)
        try container.encode(spec.outcomes, forKey: .outcomes)
    }
}
