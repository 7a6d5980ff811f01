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

    /// [+1] Pushes a row's value of a column as ``push(_:target:)`` would push `column[row]`,
    /// straight from the typed storage (text as its UTF-8 bytes, no String made).
    @inline(__always)
    func pushField(_ column: FieldColumn, row: Int, target: Int) {
        if column.isMissing(row) {
            lua_pushnil(L)
            return
        }
        switch column.kind {
        case .integer:
            lua_pushinteger(L, lua_Integer(column.integer(row)))
        case .number:
            lua_pushnumber(L, column.number(row))
        case .boolean:
            lua_pushboolean(L, column.boolean(row) ? 1 : 0)
        case .text, .date:
            column.withUTF8(row) { bytes in
                bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
            }
        case .ref:
            let targetRow = column.refRow(row)
            if target >= 0, targetRow >= 0 { pushRecord(collection: target, row: Int(targetRow)) } else { lua_pushnil(L) }
        case .values:
            push(column.storedValue(row), target: target >= 0 ? target : nil)
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

}
