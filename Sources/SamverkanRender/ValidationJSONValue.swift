/// A JSON value written by hand, so keys keep the order they are given in and integers
/// stay integers (`JSONSerialization` and `JSONEncoder` promise neither).
///
/// Used by the `json` and `sarif` validation formats.
indirect enum ValidationJSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([ValidationJSONValue])
    /// Members in the order they are written.
    case object([(String, ValidationJSONValue)])

    /// A string, or `null` for nil.
    static func optional(_ value: String?) -> ValidationJSONValue {
        value.map { .string($0) } ?? .null
    }

    /// An integer, or `null` for nil.
    static func optional(_ value: Int?) -> ValidationJSONValue {
        value.map { .int($0) } ?? .null
    }

    /// The value pretty-printed with two-space indents, as Python's `json.dumps(indent=2,
    /// ensure_ascii=False)` writes it: `"key": value`, empty containers as `[]` and `{}`.
    /// No trailing line break.
    func pretty(indent: Int = 0) -> String {
        let inner = String(repeating: " ", count: indent + 2)
        let outer = String(repeating: " ", count: indent)
        switch self {
        case .string(let text): return Self.quoted(text)
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array(let items):
            if items.isEmpty { return "[]" }
            let body = items.map { inner + $0.pretty(indent: indent + 2) }
            return "[\n" + body.joined(separator: ",\n") + "\n" + outer + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let body = members.map { inner + Self.quoted($0.0) + ": " + $0.1.pretty(indent: indent + 2) }
            return "{\n" + body.joined(separator: ",\n") + "\n" + outer + "}"
        }
    }

    /// A JSON string literal (RFC 8259): `"` and `\` escaped, control characters as
    /// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; everything else, `å` included, as is (UTF-8).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16, uppercase: false)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
