internal import CLua
import SamverkanCore

/// Swift fast paths for collection methods; the collection prelude calls them, and adds the
/// variants that take Lua functions. Arguments are checked here; errors name the method.
enum CollectionPrimitives {
    static func pushTable(_ lua: LuaStack) {
        let functions: [(String, SwiftCallback)] = [
            ("view", view), ("sorted", sorted), ("field_sorted", fieldSorted), ("get", get),
            ("where", whereEquals), ("aggregate", aggregate), ("reduce", reduce),
            ("group_field", groupField), ("grouped", grouped), ("limit", limit), ("list", list),
            ("is_collection", isCollection), ("is_record", isRecord), ("parameters", parameterCount),
            ("defined_at", definedAt), ("field_problem", fieldProblem),
        ]
        lua.newTable(fields: functions.count + 1)
        for (name, function) in functions {
            lua.push(function)
            lua.setField(-2, name)
        }
        // P.seek(record, c, i), in C (shim.h): for the --where driver's one moving record.
        sv_push_record_seek(lua.L)
        lua.setField(-2, "seek")
    }

    /// P.parameters(fn) — the number of named parameters of a Lua function (0 otherwise).
    static let parameterCount: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            var info = lua_Debug()
            if lua_type(L, 1) == LUA_TFUNCTION {
                lua_pushvalue(L, 1)
                lua_getinfo(L, ">u", &info)
            }
            lua_pushinteger(L, lua_Integer(info.nparams))
            return 1
        }
    }

    /// P.defined_at(fn) — "file:line" where a Lua function of a script is defined, or "".
    static let definedAt: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            var info = lua_Debug()
            var text = ""
            if lua_type(L, 1) == LUA_TFUNCTION {
                lua_pushvalue(L, 1)
                lua_getinfo(L, ">S", &info)
                if let source = info.source, source.pointee == 64, info.linedefined > 0 {  // "@path"
                    text = runtime.chunkNames.restore(String(cString: source + 1)) + ":\(info.linedefined)"
                }
            }
            runtime.stack.push(text)
            return 1
        }
    }

    /// P.field_problem(record, name) — nil when the record's collection has the field (or
    /// relation), else "municipalities has no field 'x' (did you mean 'y'?)".
    static let fieldProblem: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let record = runtime.record(at: 1), let name = runtime.stack.string(at: 2) else {
                runtime.stack.pushNil()
                return 1
            }
            let schema = runtime.kb.collections[Int(record.collection)].schema
            let names = schema.fields.map(\.name) + schema.relations.map(\.name)
            if names.contains(name) { runtime.stack.pushNil() } else {
                runtime.stack.push("\(runtime.kb.collections[Int(record.collection)].name) has no field '\(name)'\(didYouMean(name, in: names) ?? "")")
            }
            return 1
        }
    }

    /// P.view(c, positions) — the records of c at the given 1-based positions.
    static let view: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            let n = Int(lua_rawlen(L, 2))
            var rows: [Int32] = []
            rows.reserveCapacity(n)
            for i in stride(from: 1, through: n, by: 1) {
                lua_rawgeti(L, 2, lua_Integer(i))
                if let p = runtime.stack.integer(at: -1), p >= 1, p <= view.count { rows.append(Int32(view.row(p - 1))) }
                runtime.stack.pop()
            }
            runtime.pushView(collection: view.collection, rows: rows)
            return 1
        }
    }

    /// P.sorted(c, keys, desc) — c ordered by keys[i] (stable; Swedish order for text; nil last).
    static let sorted: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            var keys: [SortKey] = []
            keys.reserveCapacity(view.count)
            for i in 0..<view.count {
                lua_rawgeti(L, 2, lua_Integer(i + 1))
                keys.append(runtime.sortKey(at: -1))
                runtime.stack.pop()
            }
            let order = StableSort.order(count: view.count, keys: [keys], descending: [lua_toboolean(L, 3) != 0])
            runtime.pushView(collection: view.collection, rows: order.map { Int32(view.row($0)) })
            return 1
        }
    }

    /// P.field_sorted(c, path, desc) — c ordered by a field path.
    static let fieldSorted: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let (view, path) = runtime.viewAndPath(method: "sort_by") else { return Raise.withLocation }
            let store = runtime.kb.collections[view.collection]
            let keys = (0..<view.count).map { SortKey(path.resolve(row: view.row($0), in: store, kb: runtime.kb)) }
            let order = StableSort.order(count: view.count, keys: [keys], descending: [lua_toboolean(L, 3) != 0])
            runtime.pushView(collection: view.collection, rows: order.map { Int32(view.row($0)) })
            return 1
        }
    }

    /// P.get(c, key) — the record with that key, or nil.
    static let get: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            let store = runtime.kb.collections[view.collection]
            let key: String?
            if let record = runtime.record(at: 2) {
                key = Int(record.collection) == view.collection ? store.key(of: Int(record.row)) : nil
            } else if lua_type(L, 2) == LUA_TNUMBER, let n = runtime.stack.number(at: 2) {
                key = formatPlain(n)
            } else {
                key = runtime.stack.string(at: 2)
            }
            guard let key, let row = store.row(forKey: key),
                  view.count == store.count || (0..<view.count).contains(where: { view.row($0) == row }) else {
                runtime.stack.pushNil()
                return 1
            }
            runtime.pushRecord(collection: view.collection, row: row)
            return 1
        }
    }

    /// P.limit(c, n) — the first n records.
    static let limit: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            guard let n = runtime.stack.integer(at: 2), n >= 0 else {
                return runtime.stack.raise("limit: expected a whole number ≥ 0, got \(runtime.stack.typeName(at: 2))")
            }
            runtime.pushView(collection: view.collection, rows: (0..<min(n, view.count)).map { Int32(view.row($0)) })
            return 1
        }
    }

    /// P.list(c) — a plain array of the records.
    static let list: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            runtime.stack.newTable(array: view.count)
            for i in 0..<view.count {
                runtime.pushRecord(collection: view.collection, row: view.row(i))
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
            return 1
        }
    }

    static let isRecord: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            runtime.stack.push(runtime.record(at: 1) != nil)
            return 1
        }
    }

    static let isCollection: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            runtime.stack.push(runtime.view(at: 1) != nil)
            return 1
        }
    }
}

extension LuaRuntime {
    /// The sort key of the Lua value at `index`.
    func sortKey(at index: Int32) -> SortKey {
        switch lua_type(L, index) {
        case LUA_TNUMBER: return .number(stack.number(at: index) ?? 0)
        case LUA_TSTRING: return .text(stack.string(at: index) ?? "")
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNIL, LUA_TNONE: return .missing
        default:
            if let record = record(at: index) { return .text(label(of: record)) }
            return .text(stack.typeName(at: index))
        }
    }

    /// The view at 1 and the field path at 2, or an error message pushed (then return Raise).
    func viewAndPath(method: String) -> (CollectionView, FieldPath)? {
        guard let view = view(at: 1) else {
            _ = stack.raise("\(method): call it as collection:\(method)(…)")
            return nil
        }
        guard let text = stack.string(at: 2) else {
            _ = stack.raise("\(method): expected a field name or a function, got \(stack.typeName(at: 2))")
            return nil
        }
        switch FieldPath.compile(text, from: kb.collections[view.collection], in: kb) {
        case .success(let path): return (view, path)
        case .failure(let error):
            _ = stack.raise("\(method): \(error.message)")
            return nil
        }
    }
}
