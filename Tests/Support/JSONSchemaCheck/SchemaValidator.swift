/// Just enough of JSON Schema 2020-12 to check specs against `FlowSpec.jsonSchema`: type,
/// const, enum, required, properties, additionalProperties: false, items, pattern, minLength,
/// minItems and local `$ref`. A keyword it does not know is itself an error, so the schema
/// cannot quietly rely on something this validator ignores.
public struct SchemaValidator {
    public let root: JSONValue

    public init(root: JSONValue) { self.root = root }

    private static let annotations: Set = ["$schema", "$id", "title", "description", "$defs"]
    private static let supported: Set = [
        "$ref", "type", "const", "enum", "required", "properties", "additionalProperties",
        "items", "pattern", "minLength", "minItems",
    ]

    /// Each failure as "JSON pointer: what is wrong"; empty when the instance is valid.
    public func errors(in instance: JSONValue) -> [String] {
        var errors: [String] = []
        check(instance, against: root, at: "", into: &errors)
        return errors
    }

    private func check(_ value: JSONValue, against schema: JSONValue, at path: String, into errors: inout [String]) {
        guard case .object(let keywords) = schema else {
            errors.append("\(path): schema is not an object")
            return
        }
        for key in keywords.keys.sorted() where !Self.annotations.contains(key) && !Self.supported.contains(key) {
            errors.append("\(path): unsupported schema keyword \(key)")
        }
        if case .string(let reference) = keywords["$ref"] {
            guard let target = resolve(reference) else {
                errors.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, at: path, into: &errors)
        }
        if case .string(let type) = keywords["type"], !Self.value(value, hasType: type) {
            errors.append("\(path): expected \(type)")
            return
        }
        if let constant = keywords["const"], value != constant {
            errors.append("\(path): expected the constant \(constant)")
        }
        if case .array(let allowed) = keywords["enum"], !allowed.contains(value) {
            errors.append("\(path): not one of the allowed values")
        }
        checkString(value, keywords, at: path, into: &errors)
        checkArray(value, keywords, at: path, into: &errors)
        checkObject(value, keywords, at: path, into: &errors)
    }

    private func checkString(_ value: JSONValue, _ keywords: [String: JSONValue], at path: String, into errors: inout [String]) {
        guard case .string(let text) = value else { return }
        if case .number(let minimum) = keywords["minLength"], Double(text.unicodeScalars.count) < minimum {
            errors.append("\(path): shorter than \(Int(minimum))")
        }
        if case .string(let pattern) = keywords["pattern"] {
            do {
                if text.firstMatch(of: try Regex(pattern)) == nil {
                    errors.append("\(path): \"\(text)\" does not match \(pattern)")
                }
            } catch {
                errors.append("\(path): bad pattern \(pattern)")
            }
        }
    }

    private func checkArray(_ value: JSONValue, _ keywords: [String: JSONValue], at path: String, into errors: inout [String]) {
        guard case .array(let items) = value else { return }
        if case .number(let minimum) = keywords["minItems"], Double(items.count) < minimum {
            errors.append("\(path): fewer than \(Int(minimum)) items")
        }
        if let itemSchema = keywords["items"] {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, at: "\(path)/\(index)", into: &errors)
            }
        }
    }

    private func checkObject(_ value: JSONValue, _ keywords: [String: JSONValue], at path: String, into errors: inout [String]) {
        guard case .object(let members) = value else { return }
        if case .array(let required) = keywords["required"] {
            for case .string(let name) in required where members[name] == nil {
                errors.append("\(path): missing \(name)")
            }
        }
        var properties: [String: JSONValue] = [:]
        if case .object(let declared) = keywords["properties"] { properties = declared }
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] {
                check(member, against: schema, at: "\(path)/\(name)", into: &errors)
            } else if keywords["additionalProperties"] == .bool(false) {
                errors.append("\(path): unexpected property \(name)")
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var target: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") {
            target = target?[String(part)]
        }
        return target
    }

    private static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
             ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
