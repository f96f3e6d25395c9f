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
            print.tag(1)
            print.add(name)
            ContextFingerprint.add(context, to: &print, known: known)
        case .finished(let html):
            print.tag(2)
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
        case let text as TemplateText:
            if let kept = text.print {
                print.tag(13)
                print.add(kept)
            } else {
                print.tag(3)
                print.add(text.text)
            }
        case let object as TemplateValue:
            if let kept = known[ObjectIdentifier(object.fields)] {
                print.tag(14)
                print.add(kept)
            } else {
                print.tag(4)
                object.fields.fingerprint(into: &print, known: known)
            }
        case let text as String:
            print.tag(5)
            print.add(text)
        case let flag as Bool:
            print.tag(flag ? 6 : 7)
        case let number as Int:
            print.tag(8)
            print.add(number)
        case let list as [Any]:
            print.tag(9)
            print.add(list.count)
            for item in list { add(item, to: &print, known: known) }
        case let dictionary as [String: Any]:
            addSorted(dictionary, to: &print, known: known)
        case let optional as any OptionalValue:
            if let wrapped = optional.wrapped { add(wrapped, to: &print, known: known) } else { print.tag(11) }
        default:
            print.tag(12)
            print.add(String(reflecting: type(of: value)))
            print.add(String(describing: value))
        }
    }

    static func addSorted(_ dictionary: [String: Any], to print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        print.tag(10)
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
            if let value = child(named: key) { ContextFingerprint.add(value, to: &print, known: known) } else { print.tag(11) }
        }
    }
}

/// The generic walk's encoding of each kind of value, for the typed fast paths: each must feed
/// exactly what `ContextFingerprint.add` would for the same value.
extension Fingerprint {
    mutating func field(_ key: String) { add(key) }

    mutating func value(_ text: TemplateText?) {
        guard let text else { return tag(11) }
        if let kept = text.print {
            tag(13)
            add(kept)
        } else {
            tag(3)
            add(text.text)
        }
    }

    mutating func value(_ object: TemplateValue?, known: [ObjectIdentifier: UInt64]) {
        guard let object else { return tag(11) }
        if let kept = known[ObjectIdentifier(object.fields)] {
            tag(14)
            add(kept)
        } else {
            tag(4)
            object.fields.fingerprint(into: &self, known: known)
        }
    }

    mutating func value(_ list: [TemplateValue]?, known: [ObjectIdentifier: UInt64]) {
        guard let list else { return tag(11) }
        tag(9)
        add(list.count)
        for item in list { value(item, known: known) }
    }

    mutating func value(_ strings: [String]) {
        tag(9)
        add(strings.count)
        for string in strings { value(string) }
    }

    mutating func value(_ string: String?) {
        guard let string else { return tag(11) }
        tag(5)
        add(string)
    }

    mutating func value(_ flag: Bool?) {
        guard let flag else { return tag(11) }
        tag(flag ? 6 : 7)
    }

    mutating func value(_ number: Int) {
        tag(8)
        add(number)
    }
}
