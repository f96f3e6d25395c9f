import Mustache

/// A template context object that answers swift-mustache's key lookups itself.
///
/// swift-mustache looks up every `{{key}}` on each object of its context stack in turn; on a
/// `[String: Any]` that is a hash and a generic conditional-conformance check per object per key,
/// hundreds of times a page. A final class with a `switch` answers the same lookups for a
/// fraction of that, and one instance can serve every page that shows the same thing (the site's
/// settings, a guide's summary in every list it appears in).
///
/// Templates must not notice the difference, so these objects keep the dictionaries' rules:
/// an empty string is no value at all (see `PageContext.compacted`), and the dictionary
/// transforms (`count`, `empty`, `enumerated`, `sorted`) work on `dictionary`.
protocol TemplateFields: AnyObject, Sendable {
    /// Every key the object may answer, for `dictionary`.
    var keys: [String] { get }
    /// The object as the `[String: Any]` it stands for: only transforms need it.
    var dictionary: [String: Any] { get }
    func child(named name: String) -> Any?
    /// Feeds every key and value to `print`, as `genericFingerprint` does; the objects on every
    /// page answer with their typed fields, which skips a dynamic cast per value
    /// (`FingerprintFastPathTests` holds each to the generic walk).
    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64])
}

/// What templates are handed: the object behind one small struct. swift-mustache casts every
/// value it meets; casting a class instance out of `Any` also checks for a Foundation value box,
/// which costs more than the lookup, while a struct of two words is cast directly.
struct TemplateValue: MustacheParent, MustacheTransformable, CustomStringConvertible, Sendable {
    let fields: any TemplateFields

    init(_ fields: any TemplateFields) {
        self.fields = fields
    }

    func child(named name: String) -> Any? { fields.child(named: name) }
    func transform(_ name: String) -> Any? { fields.dictionary.transform(name) }
    /// What `{{.}}` prints for an object: the dictionary's description, as before.
    var description: String { "\(fields.dictionary)" }
}

extension TemplateFields {
    var dictionary: [String: Any] {
        var result: [String: Any] = [:]
        for key in keys {
            if let value = child(named: key) { result[key] = value }
        }
        return result
    }
}

/// Text for a template: nil when empty, as the dictionaries' `compacted` dropped empty strings,
/// so that `{{#key}}` tests for presence and a lookup goes on up the context stack.
@inline(__always)
func templateText(_ text: String) -> TemplateText? { text.isEmpty ? nil : TemplateText(text) }

/// A piece of text where the dictionaries held a `String`. swift-mustache puts a `String` through
/// several failed casts and `String(describing:)` before escaping it; a `MustacheCustomRenderable`
/// is the first thing it tries. Every other use answers as the string would: sections push it
/// (and lookups inside find nothing on it, as on a string), transforms (`empty(x)`) are the
/// string's, `{{.}}` prints it. Not for a value a template may name a partial with (`{{>*x}}`
/// needs a real `String`), which is why `page.kind` stays one.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible, Sendable {
    let text: String
    /// The text's fingerprint, when it was worth keeping (a page body, hashed once and reused
    /// by every later build that reuses the body).
    let print: UInt64?

    init(_ text: String, print: UInt64? = nil) {
        self.text = text
        self.print = print
    }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func child(named: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { text.transform(name) }
}

/// `title`, `url`, `summary`: a guide in a list (a category, related guides, the pager). Made
/// once per guide and shared by every page that lists it.
final class GuideSummaryValues: TemplateRecord {
    enum Field: String, CaseIterable { case title, url, summary }
    let title: TemplateText?
    let url: TemplateText?
    let summary: TemplateText?

    init(title: String, url: String, summary: String) {
        self.title = templateText(title)
        self.url = templateText(url)
        self.summary = templateText(summary)
    }

    func value(of field: Field) -> FieldValue {
        switch field {
        case .title: .text(title)
        case .url: .text(url)
        case .summary: .text(summary)
        }
    }
}

/// `name`, `url`, and `isCurrent` or `isLast` when given: a navigation entry or a breadcrumb.
final class LinkValues: TemplateRecord {
    enum Field: String, CaseIterable { case name, url }
    let name: TemplateText?
    let url: TemplateText?
    /// The flag's key (`isCurrent`, `isLast`) and value, when the link has one.
    let flagKey: String?
    let flag: Bool

    init(name: String, url: String, flagKey: String? = nil, flag: Bool = false) {
        self.name = templateText(name)
        self.url = templateText(url)
        self.flagKey = flagKey
        self.flag = flag
    }

    func value(of field: Field) -> FieldValue {
        switch field {
        case .name: .text(name)
        case .url: .text(url)
        }
    }

    var extraKeys: [String] { [flagKey].compactMap { $0 } }
    func extraValue(named name: String) -> FieldValue? { name == flagKey ? .flag(flag) : nil }
}

/// A `[String: Any]` that has been through `PageContext.compacted`, behind the faster lookup.
final class DictionaryValues: TemplateFields, @unchecked Sendable {
    // Unchecked: built once from plain values (strings, numbers, arrays of them) and never changed.
    let values: [String: Any]

    init(_ values: [String: Any]) {
        self.values = PageContext.compacted(values)
    }

    /// Sorted: the order a context is fingerprinted in must not change from run to run.
    var keys: [String] { values.keys.sorted() }
    var dictionary: [String: Any] { values }
    func child(named name: String) -> Any? { values[name] }
}
