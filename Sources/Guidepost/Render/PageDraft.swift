import Mustache

/// A page short of its template run: the template's name and the context it would get, or the
/// finished page for the few pages made without a template (redirects).
///
/// An incremental build compares a draft's `key` with the one recorded when the page was last
/// written: the HTML is a function of the template and its context alone, so equal keys mean
/// an equal page, and the template (most of a page's cost) need not run. Comparing the whole
/// context, rather than tracking which guide shows up on which page, cannot miss a dependency.
enum PageDraft: Sendable {
    case template(name: String, context: TemplateValue, path: SitePath, indexable: Bool)
    case finished(RenderedPage)

    var path: SitePath {
        switch self {
        case .template(_, _, let path, _): path
        case .finished(let page): page.path
        }
    }

    /// What the page's HTML depends on, given `theme`, the fingerprint of every template.
    func key(theme: UInt64) -> UInt64 {
        var print = Fingerprint()
        print.add(theme)
        switch self {
        case .template(let name, let context, _, _):
            print.tag(1)
            print.add(name)
            ContextFingerprint.add(context, to: &print)
        case .finished(let page):
            print.tag(2)
            print.add(page.html)
        }
        return print.value
    }
}

/// Walks a template context the way swift-mustache could see it: every key and value, in a
/// fixed order. A value it does not know is hashed by its description, which for anything
/// without a stable one (a class instance's address) only ever makes the page look changed.
enum ContextFingerprint {
    static func add(_ value: Any, to print: inout Fingerprint) {
        switch value {
        case let text as TemplateText:
            print.tag(3)
            print.add(text.text)
        case let object as TemplateValue:
            print.tag(4)
            object.fields.fingerprint(into: &print)
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
            for item in list { add(item, to: &print) }
        case let dictionary as [String: Any]:
            addSorted(dictionary, to: &print)
        case let optional as any OptionalValue:
            if let wrapped = optional.wrapped { add(wrapped, to: &print) } else { print.tag(11) }
        default:
            print.tag(12)
            print.add(String(reflecting: type(of: value)))
            print.add(String(describing: value))
        }
    }

    static func addSorted(_ dictionary: [String: Any], to print: inout Fingerprint) {
        print.tag(10)
        print.add(dictionary.count)
        for key in dictionary.keys.sorted() {
            print.add(key)
            if let value = dictionary[key] { add(value, to: &print) }
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
    /// Every key and its value, in the order of `keys`, which is fixed for the objects whose
    /// keys are written out; `DictionaryValues` sorts its own.
    func fingerprint(into print: inout Fingerprint) {
        let keys = keys
        print.add(keys.count)
        for key in keys {
            print.add(key)
            if let value = child(named: key) { ContextFingerprint.add(value, to: &print) } else { print.tag(11) }
        }
    }
}
