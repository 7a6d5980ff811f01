internal import CLua
import SamverkanCore

/// What `describe(x)` prints and how the REPL shows a value, from the schema and the API's
/// declaration: a record with its fields, a collection with its size and schema, a declared
/// function with its signature.
extension LuaRuntime {
    /// The most fields of a record and rows of a collection the REPL shows on one screen.
    static let shownFields = 6
    static let shownRows = 3

    /// The REPL's view of the value at `index`: one line, or a few for a collection.
    func show(at index: Int32) -> String {
        let index = stack.absolute(index)
        if let handle = record(at: index) {
            return showRecord(kb.collections[Int(handle.collection)], row: Int(handle.row))
        }
        if let view = view(at: index) {
            let store = kb.collections[view.collection]
            var lines = ["\(store.name): \(count(view.count, "record"))"]
            for i in 0..<min(view.count, Self.shownRows) { lines.append("  " + showRecord(store, row: view.row(i))) }
            if view.count > Self.shownRows {
                lines.append("  … and \(view.count - Self.shownRows) more (describe(kb.\(store.name)) shows its fields)")
            }
            return lines.joined(separator: "\n")
        }
        return scalar(at: index) ?? stack.typeName(at: index)
    }

    /// `describe(x)`: what the value is. `name` is the declared name of a function of the
    /// API (from api.lua), `definedAt` where a script defined a Lua function.
    func describe(at index: Int32, name: String?, definedAt: String?) -> String {
        let index = stack.absolute(index)
        if let handle = record(at: index) {
            return describeRecord(kb.collections[Int(handle.collection)], row: Int(handle.row))
        }
        if let view = view(at: index) {
            return describeCollection(kb.collections[view.collection], count: view.count)
        }
        switch lua_type(L, index) {
        case LUA_TFUNCTION:
            if let name, let reference = APIReference.text(name) {
                return reference.split(separator: "\n").drop { $0.isEmpty }.joined(separator: "\n")
            }
            if let definedAt, !definedAt.isEmpty { return "a function defined at \(definedAt)" }
            return "a function of Lua's (see the Lua 5.4 manual)"
        case LUA_TTABLE:
            var keys: [String] = []
            var count = 0
            lua_pushnil(L)
            while lua_next(L, index) != 0 {
                count += 1
                if keys.count < 20 { keys.append(stack.type(-2) == LUA_TSTRING ? stack.string(at: -2) ?? "?" : "[\(scalar(at: -2) ?? stack.typeName(at: -2))]") }
                stack.pop()
            }
            let length = stack.rawLength(index)
            var text = "a table: \(length) in its list part, \(self.count(count - length, "other key"))"
            if !keys.isEmpty { text += "\n  keys: " + keys.sorted().joined(separator: ", ") + (count > keys.count ? ", …" : "") }
            return text
        case LUA_TSTRING:
            let s = stack.string(at: index) ?? ""
            return "\(quoted(s)): a string of \(count(s.count, "character")) (\(count(s.utf8.count, "byte")))"
        case LUA_TNUMBER:
            return (scalar(at: index) ?? "") + (lua_isinteger(L, index) != 0 ? ": an integer" : ": a number (float)")
        case LUA_TBOOLEAN, LUA_TNIL:
            return (scalar(at: index) ?? "") + ": " + (lua_type(L, index) == LUA_TNIL ? "nil, no value" : "a boolean")
        default:
            return "a " + stack.typeName(at: index)
        }
    }

    private func describeRecord(_ store: CollectionStore, row: Int) -> String {
        var lines = ["\(store.label(of: row)): a record of \(store.name), \(store.location(of: row))"]
        let width = (store.schema.fields.map(\.name.count) + store.schema.relations.map(\.name.count)).max() ?? 0
        for (f, field) in store.schema.fields.enumerated() {
            lines.append("  " + pad(field.name, width) + "  " + pad(Self.typeText(field.type), 22) + "  "
                + valueText(store.columns[f][row], type: field.type))
        }
        for (r, relation) in store.schema.relations.enumerated() {
            let rows = store.relationRows[r][row]
            lines.append("  " + pad(relation.name, width) + "  " + pad("relation", 22) + "  "
                + "\(relation.collection): \(count(rows.count, "record"))")
        }
        return lines.joined(separator: "\n")
    }

    private func describeCollection(_ store: CollectionStore, count shown: Int) -> String {
        let size = shown == store.count ? count(store.count, "record") : "\(count(shown, "record")) of \(store.count)"
        var lines = ["\(store.name): a collection of \(size)" + (store.schema.key.map { ", key \($0)" } ?? "")
            + ", from \(store.file)"]
        if let description = store.schema.description { lines.append("  " + description) }
        let width = (store.schema.fields.map(\.name.count) + store.schema.relations.map(\.name.count)).max() ?? 0
        for field in store.schema.fields {
            var notes: [String] = []
            if field.name == store.schema.key { notes.append("key") }
            if field.required { notes.append("required") }
            if field.unique { notes.append("unique") }
            lines.append("  " + pad(field.name, width) + "  " + pad(Self.typeText(field.type), 22)
                + (notes.isEmpty ? "" : "  " + notes.joined(separator: ", ")))
        }
        for relation in store.schema.relations {
            lines.append("  " + pad(relation.name, width) + "  relation: \(relation.collection) by \(relation.field)")
        }
        return lines.map { $0.trailingSpacesRemoved }.joined(separator: "\n")
    }

    /// `municipalities[1280] { code = "1280", name = "Malmö", region = regions[12], … }`.
    private func showRecord(_ store: CollectionStore, row: Int) -> String {
        let fields = store.schema.fields.enumerated().compactMap { f, field -> String? in
            let value = store.columns[f][row]
            if case .missing = value { return nil }
            return field.name + " = " + valueText(value, type: field.type)
        }
        let shown = fields.prefix(Self.shownFields).joined(separator: ", ") + (fields.count > Self.shownFields ? ", …" : "")
        return store.label(of: row) + " { " + shown + " }"
    }

    /// A field's value as a script sees it: strings quoted, a ref as the record it names.
    private func valueText(_ value: Value, type: FieldType) -> String {
        switch value {
        case .missing: return "nil"
        case .string(let s), .date(let s): return quoted(s)
        case .integer, .number, .boolean: return value.text
        case .ref(let key, let row):
            guard case .ref(let target) = type.itemType, let store = kb.collection(target), row >= 0 else {
                return quoted(key) + " (a ref to nothing)"
            }
            return store.label(of: Int(row))
        case .list(let items): return "{ " + items.map { valueText($0, type: type.itemType) }.joined(separator: ", ") + " }"
        }
    }

    /// `ref → regions`, `list of string`: as `samverkan schema` writes types.
    static func typeText(_ type: FieldType) -> String {
        switch type {
        case .ref(let target): "ref → \(target)"
        case .list(let item): "list of " + typeText(item)
        default: type.description
        }
    }

    private func scalar(at index: Int32) -> String? {
        switch lua_type(L, index) {
        case LUA_TNIL: "nil"
        case LUA_TBOOLEAN: lua_toboolean(L, index) != 0 ? "true" : "false"
        case LUA_TNUMBER:
            lua_isinteger(L, index) != 0 ? String(stack.integer(at: index) ?? 0) : luaNumberText(stack.number(at: index) ?? 0)
        case LUA_TSTRING: quoted(stack.string(at: index) ?? "")
        default: nil
        }
    }

    private func quoted(_ s: String) -> String { LuaLiteral.quoted(s) }

    private func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    private func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }
}

/// The Swift half of `describe` and of the REPL's `show` (describe.lua is the Lua half).
enum DescribeLibrary {
    /// describe_text(value, declared_name?, defined_at?) → the text describe prints.
    static let describeText: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let name = runtime.stack.type(2) == LUA_TSTRING ? runtime.stack.string(at: 2) : nil
            let definedAt = runtime.stack.type(3) == LUA_TSTRING ? runtime.stack.string(at: 3) : nil
            runtime.stack.push(runtime.describe(at: 1, name: name, definedAt: definedAt))
            return 1
        }
    }

    /// show_text(value) → the REPL's view of it.
    static let showText: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            runtime.stack.push(runtime.show(at: 1))
            return 1
        }
    }
}

extension FieldType {
    /// The type of a list's items, or the type itself.
    var itemType: FieldType {
        if case .list(let item) = self { return item }
        return self
    }
}

extension String {
    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.hasSuffix(" ") { s = s.dropLast() }
        return String(s)
    }
}
