internal import CLua
import SamverkanCore

extension CollectionPrimitives {
    /// P.where(c, { field = value, … }) — records whose fields equal the values; a ref
    /// matches its key or its record.
    static let whereEquals: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("where: call it as collection:where{ field = value }") }
            guard lua_type(L, 2) == LUA_TTABLE else {
                return runtime.stack.raise("where: expected a table like { field = value }, got \(runtime.stack.typeName(at: 2))")
            }
            let store = runtime.kb.collections[view.collection]
            var conditions: [(FieldPath, Expected)] = []
            lua_pushnil(L)
            while lua_next(L, 2) != 0 {
                guard lua_type(L, -2) == LUA_TSTRING, let name = runtime.stack.string(at: -2) else {
                    return runtime.stack.raise("where: keys must be field names")
                }
                let expected = runtime.expected(at: -1)
                if case .unmatchable = expected {
                    return runtime.stack.raise("where: the value for '\(name)' is a \(runtime.stack.typeName(at: -1)); "
                        + "give a string, number, boolean, nil or a record")
                }
                switch FieldPath.compile(name, from: store, in: runtime.kb) {
                case .success(let path): conditions.append((path, expected))
                case .failure(let error): return runtime.stack.raise("where: \(error.message)")
                }
                runtime.stack.pop()
            }
            var rows: [Int32] = []
            for i in 0..<view.count {
                let row = view.row(i)
                if conditions.allSatisfy({ $1.matches($0.resolve(row: row, in: store, kb: runtime.kb)) }) {
                    rows.append(Int32(row))
                }
            }
            runtime.pushView(collection: view.collection, rows: rows)
            return 1
        }
    }

    /// P.aggregate(c, path, op) — sum, min, max or avg of a field (nil values skipped).
    static let aggregate: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let op = runtime.stack.string(at: 3) ?? "sum"
            guard let (view, path) = runtime.viewAndPath(method: op) else { return Raise.withLocation }
            let store = runtime.kb.collections[view.collection]
            let values = (0..<view.count).map { path.resolve(row: view.row($0), in: store, kb: runtime.kb) }
            return runtime.pushAggregate(op, values: values, target: path.targetCollection(in: runtime.kb)?.id)
        }
    }

    /// P.reduce(values, n, op) — the same over a Lua array of n values computed by a function.
    static let reduce: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            let n = runtime.stack.integer(at: 2) ?? 0
            let op = runtime.stack.string(at: 3) ?? "sum"
            var values: [Value] = []
            for i in stride(from: 1, through: n, by: 1) {
                lua_rawgeti(L, 1, lua_Integer(i))
                switch lua_type(L, -1) {
                case LUA_TNUMBER:
                    if lua_isinteger(L, -1) != 0, let v = runtime.stack.integer(at: -1) { values.append(.integer(v)) }
                    else { values.append(.number(runtime.stack.number(at: -1) ?? 0)) }
                case LUA_TSTRING: values.append(.string(runtime.stack.string(at: -1) ?? ""))
                case LUA_TNIL: values.append(.missing)
                default:
                    let type = runtime.stack.typeName(at: -1)
                    return runtime.stack.raise("\(op): the function returned a \(type); expected a number or a string")
                }
                runtime.stack.pop()
            }
            return runtime.pushAggregate(op, values: values, target: nil)
        }
    }

    /// P.group_field(c, path) — `{ { key = k, items = view }, … }` in order of first appearance.
    static let groupField: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let (view, path) = runtime.viewAndPath(method: "group_by") else { return Raise.withLocation }
            let store = runtime.kb.collections[view.collection]
            var groups: [(Value, [Int32])] = []
            var positions: [String: Int] = [:]
            for i in 0..<view.count {
                let row = view.row(i)
                let value = path.resolve(row: row, in: store, kb: runtime.kb)
                let id = value.isMissing ? "\u{0}missing" : value.text
                if let g = positions[id] { groups[g].1.append(Int32(row)) } else {
                    positions[id] = groups.count
                    groups.append((value, [Int32(row)]))
                }
            }
            let target = path.targetCollection(in: runtime.kb)?.id
            runtime.stack.newTable(array: groups.count)
            for (g, group) in groups.enumerated() {
                runtime.stack.newTable(fields: 2)
                runtime.push(group.0, target: target)
                runtime.stack.setField(-2, "key")
                runtime.pushView(collection: view.collection, rows: group.1)
                runtime.stack.setField(-2, "items")
                lua_rawseti(L, -2, lua_Integer(g + 1))
            }
            return 1
        }
    }

    /// P.grouped(c, keys) — as group_field, with keys[i] computed by a Lua function
    /// (keys are compared by Lua equality, so records group by identity).
    static let grouped: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            runtime.stack.newTable()          // result   (index 3 + 1 = 4)
            let result = runtime.stack.top
            runtime.stack.newTable()          // key -> group position
            let positions = result + 1
            var count = 0
            var members: [[Int32]] = []
            for i in 0..<view.count {
                lua_rawgeti(L, 2, lua_Integer(i + 1))          // key
                let key = runtime.stack.top
                // The group identity: records by their label, nil and NaN (not table keys) by a marker.
                if let record = runtime.record(at: key) {
                    runtime.stack.push(runtime.label(of: record))
                } else if lua_type(L, key) == LUA_TNIL {
                    runtime.stack.push("\u{0}missing")
                } else if let n = runtime.stack.number(at: key), n.isNaN {
                    runtime.stack.push("\u{0}nan")
                } else {
                    runtime.stack.pushValue(key)
                }
                let lookup = runtime.stack.top
                lua_pushvalue(L, lookup)
                if lua_rawget(L, positions) == LUA_TNUMBER, let g = runtime.stack.integer(at: -1) {
                    members[g - 1].append(Int32(view.row(i)))
                } else {
                    count += 1
                    members.append([Int32(view.row(i))])
                    lua_pushvalue(L, lookup)
                    runtime.stack.push(count)
                    lua_rawset(L, positions)
                    runtime.stack.newTable(fields: 2)
                    lua_pushvalue(L, key)
                    runtime.stack.setField(-2, "key")
                    lua_rawseti(L, result, lua_Integer(count))
                }
                runtime.stack.setTop(positions)
            }
            for g in 0..<count {
                lua_rawgeti(L, result, lua_Integer(g + 1))
                runtime.pushView(collection: view.collection, rows: members[g])
                runtime.stack.setField(-2, "items")
                runtime.stack.pop()
            }
            runtime.stack.setTop(result)
            return 1
        }
    }
}
