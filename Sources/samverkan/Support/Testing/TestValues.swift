import SamverkanCore
import SamverkanLua

/// Values as `samverkan test` compares and shows them: written as Lua would write them, so
/// a line of a failure can be pasted into the test as the new expectation.
enum TestValues {
    /// Whether a value written in a test equals a field's value: numbers by value (100 and
    /// 100.0 agree), a ref by its key, a list item by item.
    static func equal(_ expected: LuaData, _ got: Value) -> Bool {
        switch (expected, got) {
        case (.other("nil"), .missing): return true
        case (.string(let e), .string(let g)), (.string(let e), .date(let g)), (.string(let e), .ref(let g, _)): return e == g
        case (.integer(let e), .integer(let g)): return e == g
        case (.integer, _), (.number, _):
            guard let g = got.double, let e = expected.scalarText.flatMap(Double.init) else { return false }
            return e == g
        case (.boolean(let e), .boolean(let g)): return e == g
        case (.table(let t), .list(let items)):
            return t.fields.isEmpty && t.items.count == items.count && zip(t.items, items).allSatisfy(equal)
        default: return false
        }
    }

    /// A field's value as a Lua literal: `"Malmö"`, `365644`, `true`, `nil`, `{ "a", "b" }`.
    static func text(_ value: Value) -> String {
        switch value {
        case .missing: "nil"
        case .string(let s), .date(let s), .ref(let s, _): quoted(s)
        case .integer, .number, .boolean: value.text
        case .list(let items): "{ " + items.map(text).joined(separator: ", ") + " }"
        }
    }

    static func text(_ value: LuaData) -> String {
        switch value {
        case .string(let s): quoted(s)
        case .table(let t): "{ " + t.items.map(text).joined(separator: ", ") + " }"
        case .other(let name): name
        default: value.scalarText ?? "nil"
        }
    }

    /// `{ name = "Malmö", ["region.name"] = "Region Skåne" }`.
    static func row(_ fields: [(String, String)]) -> String {
        "{ " + fields.map { name, value in LuaLiteral.key(name) + " = " + value }.joined(separator: ", ") + " }"
    }

    /// A finding as an expected finding would be written.
    static func finding(_ f: Diagnostic) -> String {
        row([("severity", f.severity.rawValue), ("key", f.key), ("field", f.field), ("message", f.message)]
            .compactMap { name, value in value.map { (name, quoted($0)) } })
    }

    /// A Lua string literal (LuaLiteral): double quotes, escapes.
    static func quoted(_ s: String) -> String { LuaLiteral.quoted(s) }
}
