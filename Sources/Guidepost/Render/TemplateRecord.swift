/// A template object whose fields are declared once: the `Field` enum names them (its raw
/// values are the template keys, in order) and `value(of:)` gives each one's value. `keys`, the
/// lookup and the fingerprint all come from that, so they cannot drift apart.
///
/// The lookup is the hot path (swift-mustache asks every object on the context stack for every
/// key): `Field(rawValue:)` is the compiler's string switch, and `value(of:)` a switch on a
/// small enum, so no dictionary or closure is involved.
protocol TemplateRecord: TemplateFields {
    associatedtype Field: RawRepresentable, CaseIterable where Field.RawValue == String
    func value(of field: Field) -> FieldValue
    /// Keys named at run time (a link's `isCurrent`, a page kind's own), after the fixed ones.
    var extraKeys: [String] { get }
    func extraValue(named name: String) -> FieldValue?
}

/// A field's value, typed so the fingerprint needs no dynamic cast.
enum FieldValue {
    case text(TemplateText?)
    case object(TemplateValue?)
    case objects([TemplateValue]?)
    case strings([String])
    case string(String?)
    case flag(Bool?)
    case number(Int)
    /// A value whose type is only known at run time (a page kind's own keys).
    case any(Any?)

    /// What a template's lookup gets: the value itself, and nil for a missing one.
    @inline(__always)
    var lookup: Any? {
        switch self {
        case .text(let text): text
        case .object(let object): object
        case .objects(let list): list
        case .strings(let strings): strings
        case .string(let string): string
        case .flag(let flag): flag
        case .number(let number): number
        case .any(let value): value
        }
    }
}

extension TemplateRecord {
    var extraKeys: [String] { [] }
    func extraValue(named name: String) -> FieldValue? { nil }

    var keys: [String] { Field.allCases.map(\.rawValue) + extraKeys }

    func child(named name: String) -> Any? {
        if let field = Field(rawValue: name) { return value(of: field).lookup }
        return extraValue(named: name)?.lookup
    }

    func fingerprint(into print: inout Fingerprint, known: [ObjectIdentifier: UInt64]) {
        let extra = extraKeys
        print.add(Field.allCases.count + extra.count)
        for field in Field.allCases {
            print.field(field.rawValue)
            print.value(value(of: field), known: known)
        }
        for key in extra {
            print.field(key)
            print.value(extraValue(named: key) ?? .any(nil), known: known)
        }
    }
}

/// The one place each kind of value's fingerprint is written: the generic walk
/// (`ContextFingerprint.add`) and the typed fields both come here, so they cannot disagree.
enum FingerprintTag {
    static let template: UInt8 = 1, finished: UInt8 = 2
    static let text: UInt8 = 3, object: UInt8 = 4, string: UInt8 = 5, yes: UInt8 = 6, no: UInt8 = 7
    static let number: UInt8 = 8, list: UInt8 = 9, dictionary: UInt8 = 10, none: UInt8 = 11
    static let other: UInt8 = 12, keptText: UInt8 = 13, knownObject: UInt8 = 14
}

extension Fingerprint {
    mutating func field(_ key: String) { add(key) }

    mutating func value(_ value: FieldValue, known: [ObjectIdentifier: UInt64]) {
        switch value {
        case .text(let text): self.value(text)
        case .object(let object): self.value(object, known: known)
        case .objects(let list): self.value(list, known: known)
        case .strings(let strings): self.value(strings)
        case .string(let string): self.value(string)
        case .flag(let flag): self.value(flag)
        case .number(let number): self.value(number)
        case .any(let value):
            if let value { ContextFingerprint.add(value, to: &self, known: known) } else { tag(FingerprintTag.none) }
        }
    }

    mutating func value(_ text: TemplateText?) {
        guard let text else { return tag(FingerprintTag.none) }
        if let kept = text.print {
            tag(FingerprintTag.keptText)
            add(kept)
        } else {
            tag(FingerprintTag.text)
            add(text.text)
        }
    }

    mutating func value(_ object: TemplateValue?, known: [ObjectIdentifier: UInt64]) {
        guard let object else { return tag(FingerprintTag.none) }
        if let kept = known[ObjectIdentifier(object.fields)] {
            tag(FingerprintTag.knownObject)
            add(kept)
        } else {
            tag(FingerprintTag.object)
            object.fields.fingerprint(into: &self, known: known)
        }
    }

    mutating func value(_ list: [TemplateValue]?, known: [ObjectIdentifier: UInt64]) {
        guard let list else { return tag(FingerprintTag.none) }
        tag(FingerprintTag.list)
        add(list.count)
        for item in list { value(item, known: known) }
    }

    mutating func value(_ strings: [String]) {
        tag(FingerprintTag.list)
        add(strings.count)
        for string in strings { value(string) }
    }

    mutating func value(_ string: String?) {
        guard let string else { return tag(FingerprintTag.none) }
        tag(FingerprintTag.string)
        add(string)
    }

    mutating func value(_ flag: Bool?) {
        guard let flag else { return tag(FingerprintTag.none) }
        tag(flag ? FingerprintTag.yes : FingerprintTag.no)
    }

    mutating func value(_ number: Int) {
        tag(FingerprintTag.number)
        add(number)
    }
}
