internal import CLua
import SamverkanCore

extension LuaRuntime {
    /// [+1] Pushes a stored value: refs become records of `target`, lists fresh arrays, missing nil.
    func push(_ value: Value, target: Int?) {
        let lua = stack
        switch value {
        case .missing: lua.pushNil()
        case .string(let s), .date(let s): lua.push(s)
        case .integer(let i): lua.push(i)
        case .number(let d): lua.push(d)
        case .boolean(let b): lua.push(b)
        case .ref(_, let row):
            if let target, row >= 0 { pushRecord(collection: target, row: Int(row)) } else { lua.pushNil() }
        case .list(let items):
            lua.newTable(array: items.count)
            for (i, item) in items.enumerated() {
                push(item, target: target)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
        }
    }

    /// [+1] Pushes the record at `row` of a collection as userdata.
    func pushRecord(collection: Int, row: Int) {
        // lua_newuserdatauv raises on failure, it never returns NULL.
        if let memory = sv_newuserdata(L, MemoryLayout<RecordHandle>.size) {
            memory.storeBytes(of: RecordHandle(collection: Int32(collection), row: Int32(row)), as: RecordHandle.self)
        }
        stack.pushRef(refs.recordMetatable)
        lua_setmetatable(L, -2)
    }

    /// The record at `index`, if the value there is one of ours.
    func record(at index: Int32) -> RecordHandle? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        let isRecord = lua_topointer(L, -1) == refs.recordMetatablePointer
        stack.pop()
        guard isRecord, let memory = lua_touserdata(L, index) else { return nil }
        return memory.load(as: RecordHandle.self)
    }

    /// The collection id a field's refs point into (for pushing its values).
    func refTarget(collection: Int, field: Int) -> Int? {
        guard let name = kb.collections[collection].schema.fields[field].type.referencedCollection else { return nil }
        return kb.collection(name)?.id
    }
}
