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

    /// [+1] Pushes field `f` of a record as ``push(_:target:)`` would push its value: plain
    /// values by the C reader (shim_record.h, as `r.field` reads them), refs as records of
    /// their target, lists as fresh arrays.
    func pushField(collection c: Int, field f: Int, row: Int) {
        if sv_push_field(L, Int32(c), Int32(f), Int32(row)) != 0 { return }
        let column = kb.collections[c].columns[f]
        let target = bridge.pointee.records[c].targets[f]
        if column.isMissing(row) {
            lua_pushnil(L)
        } else if column.kind == .ref {
            let targetRow = column.refRow(row)
            if target >= 0, targetRow >= 0 { pushRecord(collection: Int(target), row: Int(targetRow)) } else { lua_pushnil(L) }
        } else if column.kind == .values {
            push(column.storedValue(row), target: target >= 0 ? Int(target) : nil)
        } else {
            push(column[row], target: nil)   // not reached: C reads every other kind
        }
    }

    /// [+1] Pushes the record at `row` of a collection as userdata (made in C, as `c[i]` makes it).
    func pushRecord(collection: Int, row: Int) {
        bridge.pointee.noteRead(collection)
        sv_push_record_of(L, Int32(collection), Int32(row))
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
