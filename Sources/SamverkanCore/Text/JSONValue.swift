/// A JSON value with a deterministic, pretty writer: keys in the order given, integers as integers.
///
/// One writer for every JSON the program prints (report documents, query rows, plugin
/// lists, validation results and SARIF).
///
/// Written by hand rather than with JSONSerialization because the output must keep
/// integers and floats apart (`365644` vs `0.2598`, never `365644.0` for an integer),
/// print floats in their shortest form, leave `/` unescaped, and be byte-identical across
/// platforms — JSONSerialization guarantees none of these on Linux.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int)
    /// Non-finite numbers are written as `null` (JSON has no NaN or infinity).
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order given; see ``sorted(_:)``.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.compact() == b.compact() }

    /// An object whose members are in code point order of their keys (stable output).
    public static func sorted(_ members: [String: JSONValue]) -> JSONValue {
        .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// Indented by two spaces; arrays of scalars stay on one line (`[1, "a", null]`) so
    /// table rows read as rows.
    public func pretty(indent: Int = 0) -> String {
        let inner = String(repeating: " ", count: indent + 2)
        let outer = String(repeating: " ", count: indent)
        switch self {
        case .array(let items) where items.isEmpty: return "[]"
        case .array(let items) where items.allSatisfy(\.isScalar):
            return "[" + items.map { $0.compact() }.joined(separator: ", ") + "]"
        case .array(let items):
            return "[\n" + items.map { inner + $0.pretty(indent: indent + 2) }.joined(separator: ",\n") + "\n" + outer + "]"
        case .object(let members) where members.isEmpty: return "{}"
        case .object(let members):
            return "{\n" + members.map { inner + Self.quote($0.0) + ": " + $0.1.pretty(indent: indent + 2) }
                .joined(separator: ",\n") + "\n" + outer + "}"
        default: return compact()
        }
    }

    /// On one line, without spaces.
    public func compact() -> String {
        switch self {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .integer(let integer): String(integer)
        case .number(let number): number.isFinite ? number.description : "null"
        case .string(let text): Self.quote(text)
        case .array(let items): "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { Self.quote($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A string, or `null` for nil.
    public static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// An integer, or `null` for nil.
    public static func optional(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }

    /// A JSON string literal: `"` and `\` escaped, control characters as escapes.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
