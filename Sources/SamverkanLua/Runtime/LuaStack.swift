internal import CLua

/// A Swift function Lua calls through the C trampoline: returns a result count, or
/// `raiseWhere`/`raiseValue` with the error on the stack (the trampoline raises it).
typealias SwiftCallback = @convention(c) (OpaquePointer?) -> Int32

/// Results a callback returns to make the trampoline raise an error.
enum Raise {
    /// The message on top gets the script's `file:line:` prefix.
    static let withLocation: Int32 = -2
    /// The value on top is raised as it is.
    static let value: Int32 = -1
}

/// Thin helpers over the Lua C API for one `lua_State`. Stack effects are noted per method.
struct LuaStack {
    let L: OpaquePointer

    init(_ L: OpaquePointer) { self.L = L }

    var top: Int32 { lua_gettop(L) }
    func setTop(_ n: Int32) { lua_settop(L, n) }
    func pop(_ n: Int32 = 1) { sv_pop(L, n) }
    func type(_ index: Int32) -> Int32 { lua_type(L, index) }
    func isNoneOrNil(_ index: Int32) -> Bool { lua_type(L, index) <= 0 }

    /// [+1] Pushes a Swift string as a Lua string (its UTF-8 bytes).
    func push(_ string: String) {
        var copy = string
        copy.withUTF8 { buffer in
            _ = buffer.withMemoryRebound(to: CChar.self) { chars in
                lua_pushlstring(L, chars.baseAddress, chars.count)
            }
        }
    }

    /// [+1]
    func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    /// [+1]
    func push(_ value: Double) { lua_pushnumber(L, value) }
    /// [+1]
    func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    /// [+1]
    func pushNil() { lua_pushnil(L) }
    /// [+1] A copy of the value at `index`.
    func pushValue(_ index: Int32) { lua_pushvalue(L, index) }
    /// [+1] A Lua function that runs a Swift callback through the trampoline.
    func push(_ callback: SwiftCallback) { sv_pushswift(L, callback) }
    /// [+1] A new table with room for `array` items and `fields` named fields.
    func newTable(array: Int = 0, fields: Int = 0) {
        lua_createtable(L, Int32(clamping: array), Int32(clamping: fields))
    }

    /// [0] The string at `index` (only if it is a string or number), as Swift text.
    func string(at index: Int32) -> String? {
        let t = lua_type(L, index)
        guard t == LUA_TSTRING || t == LUA_TNUMBER else { return nil }
        var length = 0
        guard let chars = lua_tolstring(L, index, &length) else { return nil }
        return chars.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
    }

    /// [0] The integer at `index` if it is a number with an integral value.
    func integer(at index: Int32) -> Int? {
        var isNumber: Int32 = 0
        let value = sv_tointeger(L, index, &isNumber)
        return isNumber != 0 ? Int(value) : nil
    }

    /// [0] The number at `index` if it is a number (or a numeric string).
    func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        var isNumber: Int32 = 0
        let value = sv_tonumber(L, index, &isNumber)
        return isNumber != 0 ? value : nil
    }

    /// [0] `t[name] = value on top` for the table at `index` (raw, no metamethods); pops the value.
    func setField(_ index: Int32, _ name: String) {
        let absolute = lua_absindex(L, index)
        push(name)
        lua_rotate(L, -2, 1)
        lua_rawset(L, absolute)
    }

    /// [+1] Pushes `t[name]` of the table at `index` (raw).
    @discardableResult
    func getField(_ index: Int32, _ name: String) -> Int32 {
        let absolute = lua_absindex(L, index)
        push(name)
        return lua_rawget(L, absolute)
    }

    /// [+1] Pushes a registry value saved by ``ref()``.
    func pushRef(_ ref: Int32) { lua_rawgeti(L, sv_registryindex(), lua_Integer(ref)) }

    /// [-1] Pops the top value into the registry and returns its reference.
    func ref() -> Int32 { luaL_ref(L, sv_registryindex()) }

    /// The type name of the value at `index` (`string`, `table`, `municipalities` record, …).
    func typeName(at index: Int32) -> String {
        String(cString: lua_typename(L, lua_type(L, index)))
    }

    /// [+1] Pushes an error message; return `Raise.withLocation` from the callback after it.
    func raise(_ message: String) -> Int32 {
        push(message)
        return Raise.withLocation
    }
}

/// Raw reads from Lua tables (no metamethods run, so nothing can raise).
extension LuaStack {
    /// [0] `t[name]` of the table at `index` as text, if it is a string.
    func rawString(_ index: Int32, _ name: String) -> String? {
        getField(index, name)
        defer { pop() }
        return type(-1) == LUA_TSTRING ? string(at: -1) : nil
    }

    /// [0] `t[name]` as an integer, if it is one.
    func rawInteger(_ index: Int32, _ name: String) -> Int? {
        getField(index, name)
        defer { pop() }
        return type(-1) == LUA_TNUMBER ? integer(at: -1) : nil
    }

    /// [0] `t[name]` as a boolean (false when absent).
    func rawBool(_ index: Int32, _ name: String) -> Bool {
        getField(index, name)
        defer { pop() }
        return lua_toboolean(L, -1) != 0
    }

    /// [0] The array length of the table at `index` (raw).
    func rawLength(_ index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// [+1] Pushes `t[i]` of the table at `index` (raw).
    @discardableResult
    func rawIndex(_ index: Int32, _ i: Int) -> Int32 { lua_rawgeti(L, index, lua_Integer(i)) }

    /// [0] The strings of the array in field `name` of the table at `index`.
    func rawStrings(_ index: Int32, _ name: String) -> [String]? {
        guard getField(index, name) == LUA_TTABLE else { pop(); return nil }
        defer { pop() }
        return (0..<rawLength(-1)).compactMap { i in
            rawIndex(-1, i + 1)
            defer { pop() }
            return type(-1) == LUA_TSTRING ? string(at: -1) : nil
        }
    }

    /// Absolute index of a relative one.
    func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }
}

extension LuaRuntime {
    /// The one prologue of every ``SwiftCallback``: the runtime that owns the calling state,
    /// lent without reference counting and talking to the calling thread (``with(_:_:)``).
    /// `{ state in LuaRuntime.callback(state) { runtime in … } }`.
    @inline(__always)
    static func callback(_ state: OpaquePointer?, _ body: (LuaRuntime) -> Int32) -> Int32 {
        guard let L = state else { return 0 }
        return with(L, body)
    }
}
