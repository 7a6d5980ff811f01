internal import CLua
import SamverkanCore

/// The metamethods and methods of records (lazy userdata of collection and row).
enum RecordBridge {
    /// `r.field`, `r.relation`, `r:key()`…; unknown names are errors, not nil.
    static let index: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let handle = runtime.record(at: 1) else { return runtime.stack.raise("expected a record") }
            let c = Int(handle.collection), row = Int(handle.row)
            guard let access = runtime.bridge.pointee.records.baseAddress.map({ $0 + c }) else { return 0 }
            if lua_type(L, 2) == LUA_TSTRING, let address = lua_tolstring(L, 2, nil) {
                // A field the C fast path left to Swift (a ref or a list), or a relation or method.
                let f = sv_field_index(L, handle.collection, address)
                if f >= 0 { return push(.field(Int(f)), runtime, c, row) }
                if let entry = access.pointee.entry(at: UnsafeRawPointer(address)) {
                    return push(entry.pointee.slot, runtime, c, row)
                }
            }
            let slot = runtime.stack.string(at: 2).flatMap { access.pointee.byName[$0] }
            return push(slot, runtime, c, row)
        }
    }

    /// [+1] What a slot of a record holds; or raises when there is no slot.
    private static func push(_ slot: Slot?, _ runtime: LuaRuntime, _ c: Int, _ row: Int) -> Int32 {
        let store = runtime.kb.collections[c]
        switch slot {
        case .field(let f):
            runtime.pushField(collection: c, field: f, row: row)
        case .relation(let r):
            let relation = store.schema.relations[r]
            guard let other = runtime.kb.collection(relation.collection) else { return 0 }
            runtime.pushView(collection: other.id, rows: store.relationRows[r][row])
        case .method(let ref):
            runtime.stack.pushRef(ref)
        case nil:
            let name = runtime.stack.string(at: 2) ?? runtime.stack.typeName(at: 2)
            let candidates = store.schema.fields.map(\.name) + store.schema.relations.map(\.name)
            let hint = didYouMean(name, in: candidates) ?? ""
            return runtime.stack.raise("\(store.name) has no field '\(name)'\(hint)")
        }
        return 1
    }

    static let newIndex: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let label = runtime.record(at: 1).map { runtime.label(of: $0) } ?? "record"
            let name = runtime.stack.string(at: 2) ?? "?"
            return runtime.stack.raise("records are read-only (\(label).\(name))")
        }
    }

    static let equal: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let a = runtime.record(at: 1), b = runtime.record(at: 2)
            runtime.stack.push(a != nil && a?.collection == b?.collection && a?.row == b?.row)
            return 1
        }
    }

    static let toString: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let handle = runtime.record(at: 1) else { return runtime.stack.raise("expected a record") }
            runtime.stack.push(runtime.label(of: handle))
            return 1
        }
    }

    /// `r:key()` — the primary key (nil for a single record).
    static let key: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let handle = runtime.record(at: 1) else { return runtime.stack.raise("key: call it as record:key()") }
            let store = runtime.kb.collections[Int(handle.collection)]
            guard let keyIndex = store.schema.keyIndex else { runtime.stack.pushNil(); return 1 }
            runtime.push(store.columns[keyIndex][Int(handle.row)], target: nil)
            return 1
        }
    }

    /// `r:location()` — `{ file =, line =, column = }` of the record in its data file.
    static let location: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let handle = runtime.record(at: 1) else { return runtime.stack.raise("location: call it as record:location()") }
            let location = runtime.kb.collections[Int(handle.collection)].location(of: Int(handle.row))
            runtime.pushLocation(location)
            return 1
        }
    }

    /// `r:fields()` — a plain table of the raw values, refs as keys.
    static let fields: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let handle = runtime.record(at: 1) else { return runtime.stack.raise("fields: call it as record:fields()") }
            let store = runtime.kb.collections[Int(handle.collection)]
            runtime.stack.newTable(fields: store.schema.fields.count)
            for (f, field) in store.schema.fields.enumerated() {
                runtime.pushRaw(store.columns[f][Int(handle.row)])
                runtime.stack.setField(-2, field.name)
            }
            return 1
        }
    }
}

extension LuaRuntime {
    /// `municipalities[1280]`.
    func label(of handle: RecordHandle) -> String {
        kb.collections[Int(handle.collection)].label(of: Int(handle.row))
    }

    /// [+1] `{ file =, line =, column = }`.
    func pushLocation(_ location: SourceLocation) {
        stack.newTable(fields: 3)
        stack.push(location.file)
        stack.setField(-2, "file")
        stack.push(location.line)
        stack.setField(-2, "line")
        stack.push(location.column)
        stack.setField(-2, "column")
    }

    /// [+1] A value with refs as their keys (for `r:fields()`).
    func pushRaw(_ value: Value) {
        switch value {
        case .ref(let key, _): stack.push(key)
        case .list(let items):
            stack.newTable(array: items.count)
            for (i, item) in items.enumerated() {
                pushRaw(item)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        default: push(value, target: nil)
        }
    }
}
