internal import SamverkanLuaCode

/// A file of the host's own Lua code (`Sources/SamverkanLua/Lua/NAME.lua`), embedded in the
/// binary at build time (the SamverkanLuaCode target; the files are listed in its
/// `lua_files.h`).
struct LuaSource: Sendable {
    /// The file's name without `.lua`: `out`.
    let name: String
    let text: String

    /// The chunk name messages and tracebacks show: `[samverkan out]`. The `=[samverkan`
    /// prefix is how the shim and the traceback filter tell host frames from the user's.
    var chunkName: String { "=[samverkan \(name)]" }

    /// Every embedded file, in the order of `lua_files.h`.
    static let all: [LuaSource] = (0..<sv_lua_file_count()).map { i in
        let file = sv_lua_file_at(i)
        let bytes = UnsafeRawBufferPointer(start: file.start, count: file.end - file.start)
        return LuaSource(name: String(cString: file.name), text: String(decoding: bytes, as: UTF8.self))
    }

    /// The embedded file `name.lua`. Every name the host asks for is listed in `lua_files.h`;
    /// a name that is not is a bug of the host, reported when the runtime starts.
    static func named(_ name: String) throws(ScriptError) -> LuaSource {
        guard let source = all.first(where: { $0.name == name }) else {
            throw .unavailable("internal error: no embedded Lua file '\(name).lua' (list it in lua_files.h)")
        }
        return source
    }
}
