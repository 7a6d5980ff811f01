import Foundation
internal import CLua

/// A plain Lua value read out of a state, with raw access only: reading it runs none of the
/// script's code (no `__index`, `__pairs` or `__len`). What `samverkan test` reads from a
/// test file.
public indirect enum LuaData: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case table(LuaTable)
    /// A value that is not plain data (a function, a record, a collection), by what it is.
    case other(String)

    /// What a message calls it: `a string`, `a table`, `a record`.
    public var typeName: String {
        switch self {
        case .string: "a string"
        case .integer, .number: "a number"
        case .boolean: "a boolean"
        case .table: "a table"
        case .other(let name): "a " + name
        }
    }

    /// The value as Lua's `tostring` writes a string, number or boolean; nil for the others.
    public var scalarText: String? {
        switch self {
        case .string(let s): s
        case .integer(let i): String(i)
        case .number(let d): luaNumberText(d)
        case .boolean(let b): b ? "true" : "false"
        case .table, .other: nil
        }
    }
}

/// A table's array part (1…n) and its string keys.
public struct LuaTable: Sendable, Equatable {
    public var items: [LuaData] = []
    public var fields: [String: LuaData] = [:]
    /// How many keys are neither 1…n nor strings (`t[0]`, `t[2.5]`, `t[true]`, after a hole).
    public var otherKeys = 0

    public init(items: [LuaData] = [], fields: [String: LuaData] = [:]) {
        self.items = items
        self.fields = fields
    }
}

extension LuaRuntime {
    /// The most values and the deepest nesting ``evaluateFile(_:)`` reads: a test file is
    /// data a person wrote, and a cycle (`t.t = t`) must end somewhere.
    static let dataLimits = (values: 1_000_000, depth: 64)

    /// Runs a Lua file in a script's globals, under the limits, and reads the value it
    /// returns as plain data (`samverkan test`'s case list).
    public func evaluateFile(_ path: String) throws(ScriptError) -> LuaData {
        naming(path)
        defer { naming(nil) }
        guard let source = FileManager.default.contents(atPath: path) else {
            throw .unavailable("cannot read '\(path)': no such file or not readable")
        }
        let top = stack.top
        defer { stack.setTop(top) }
        try load(source, chunkName: path)
        Sandbox.pushEnvironment(in: self, arguments: [])
        lua_setupvalue(L, -2, 1)
        try call(arguments: 0, results: 1)
        var budget = Self.dataLimits.values
        guard let value = readData(at: stack.top, depth: 0, budget: &budget) else {
            throw .unavailable("\(path): the value it returns is too large or nested too deeply "
                + "(at most \(Self.dataLimits.values) values, \(Self.dataLimits.depth) levels)")
        }
        return value
    }

    private func readData(at index: Int32, depth: Int, budget: inout Int) -> LuaData? {
        budget -= 1
        guard budget >= 0, depth <= Self.dataLimits.depth else { return nil }
        switch lua_type(L, index) {
        case LUA_TSTRING: return .string(stack.string(at: index) ?? "")
        case LUA_TNUMBER:
            return lua_isinteger(L, index) != 0 ? .integer(stack.integer(at: index) ?? 0) : .number(stack.number(at: index) ?? 0)
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNIL: return .other("nil")
        case LUA_TTABLE: break
        default:
            if view(at: index) != nil { return .other("collection") }
            if lua_type(L, index) == LUA_TUSERDATA { return .other("record") }
            return .other(stack.typeName(at: index))
        }
        let t = stack.absolute(index)
        var table = LuaTable()
        let length = stack.rawLength(t)
        for i in 0..<length {
            stack.rawIndex(t, i + 1)
            defer { stack.pop() }
            if lua_type(L, -1) == LUA_TNIL {
                // A hole: counted, and against the budget (a border can lie far beyond it).
                table.otherKeys += 1
                budget -= 1
                if budget < 0 { return nil }
                continue
            }
            guard let item = readData(at: stack.top, depth: depth + 1, budget: &budget) else { return nil }
            table.items.append(item)
        }
        lua_pushnil(L)
        while lua_next(L, t) != 0 {
            defer { stack.pop() }
            if lua_type(L, -2) == LUA_TSTRING, let key = stack.string(at: -2) {
                // (On failure the caller resets the stack: the traversal is abandoned.)
                guard let value = readData(at: stack.top, depth: depth + 1, budget: &budget) else { return nil }
                table.fields[key] = value
            } else if lua_isinteger(L, -2) == 0 || !(1...length).contains(Int(stack.integer(at: -2) ?? 0)) {
                table.otherKeys += 1
            }
        }
        return .table(table)
    }
}
