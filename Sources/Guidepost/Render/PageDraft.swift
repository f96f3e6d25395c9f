import Mustache

/// A page short of its template run: the template's name and the context it would get, or the
/// finished page for the few pages made without a template (redirects).
///
/// An incremental build compares a draft's `key` with the one recorded when the page was last
/// written: the HTML is a function of the template and its context alone, so equal keys mean
/// an equal page, and the template (most of a page's cost) need not run. Comparing the whole
/// context, rather than tracking which guide shows up on which page, cannot miss a dependency.
struct PageDraft: Sendable {
    enum Content: Sendable {
        case template(name: String, context: TemplateValue)
        case finished(html: String)
    }

    var content: Content
    var path: SitePath
    var indexable: Bool
    /// A guide's body as this draft made or reused it, for the next build to reuse.
    var body: (source: String, body: RenderedBody)?

    static func template(name: String, context: TemplateValue, path: SitePath, indexable: Bool) -> PageDraft {
        PageDraft(content: .template(name: name, context: context), path: path, indexable: indexable)
    }

    static func finished(_ page: RenderedPage) -> PageDraft {
        PageDraft(content: .finished(html: page.html), path: page.path, indexable: page.indexable)
    }

    /// What the page's HTML depends on, given `theme`, the fingerprint of every template, and
    /// `known`, the fingerprints of objects many pages share (`PageContext.known`), which are
    /// then hashed once per build rather than once per page.
    func key(theme: UInt64, known: [ObjectIdentifier: UInt64] = [:]) -> UInt64 {
        var print = Fingerprint()
        print.add(theme)
        switch content {
        case .template(let name, let context):
            print.tag(FingerprintTag.template)
            print.add(name)
            ContextFingerprint.add(context, to: &print, known: known)
        case .finished(let html):
            print.tag(FingerprintTag.finished)
            print.add(html)
        }
        return print.value
    }
}

/// A guide's body HTML and the key of what it was made from (the source file's bytes, the
/// URLs its links resolved to, the flow widgets), so a build can reuse the last one's.
struct RenderedBody: Sendable {
    var key: UInt64
    var html: TemplateText
}

/// Walks a template context the way swift-mustache could see it: every key and value, in a
/// fixed order. A value it does not know is hashed by its description, which for anything
/// without a stable one (a class instance's address) only ever makes the page look changed.
enum ContextFingerprint {
    static func add(_ value: Any, to print: inout Fingerprint, known: [ObjectIdentifier: UInt64] = [:]) {
        switch value {
        case let text as TemplateText: print.value(text)
        case let object as TemplateValue: print.value(object, known: known)
        case let text as String: print.value(text)
        case let flag as Bool: print.value(flag)
        case let number as Int: print.value(number)
        case let list as [Any]:
            print.tag(FingerprintTag.list)
            print.add(list.count)
            for item in list { add(item, to: &print, known: known) }
        case let dictionary as [String: Any]:
            addSorted(dictionary, to: &print, known: known)
        case let optional as any OptionalValue:
            if let wrapped = optional.wrapped { add(wrapped, to: &print, known: known) } else { print.tag(FingerprintTag.none) }
        default:
            print.tag(FingerprintTag.other)
            print.add(String(reflecting: type(of: value)))
            print.add(String(describing: value))
        }
    }

    static func addSorted(_ dictionary: [String: Any], to print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.tag(FingerprintTag.dictionary)
        print.add(dictionary.count)
        for key in dictionary.keys.sorted() {
            print.add(key)
            if let value = dictionary[key] { add(value, to: &print, known: known) }
        }
    }
}

/// Lets the walk see through an `Optional` that arrived boxed in `Any`.
protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self.map { $0 as Any } }
}

extension TemplateFields {
    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        genericFingerprint(into: &print, known: known)
    }

    /// Every key and its value, in the order of `keys`, which is fixed for the objects whose
    /// keys are written out; `DictionaryValues` sorts its own.
    func genericFingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64] = [:]) {
        let keys = keys
        print.add(keys.count)
        for key in keys {
            print.add(key)
            if let value = child(named: key) { ContextFingerprint.add(value, to: &print, known: known) } else { print.tag(FingerprintTag.none) }
        }
    }
}
