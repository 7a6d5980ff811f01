import Foundation
internal import CLua
import SamverkanCore

/// Builds the sandbox of SPEC §6 from allow-lists: which libraries open, which globals
/// scripts see, and what a script is told when it reaches for something forbidden.
enum Sandbox {
    /// Global functions of the base library that scripts may use (`print` is the host's own,
    /// sandbox.lua).
    static let allowedBaseFunctions = [
        "assert", "error", "ipairs", "next", "pairs", "pcall", "xpcall", "select", "tonumber",
        "tostring", "type", "rawequal", "rawget", "rawlen", "rawset", "setmetatable", "getmetatable",
        "_VERSION",
    ]
    /// Fields of `os` that scripts may use.
    static let allowedOSFunctions = ["time", "date", "clock"]

    /// What a script is told when it reads a forbidden global or requires a forbidden module.
    static let forbidden: [String: String] = [
        "io": "'io' is not available in samverkan scripts: scripts cannot read or write files",
        "debug": "'debug' is not available in samverkan scripts",
        "package": "'package' is not available in samverkan scripts; use require(\"name\") for scripts/lib/name.lua",
        "dofile": "'dofile' is not available in samverkan scripts: scripts cannot read files; use require for scripts/lib modules",
        "loadfile": "'loadfile' is not available in samverkan scripts: scripts cannot read files; use require for scripts/lib modules",
        "loadstring": "'loadstring' is not available in Lua 5.4; use load",
        "collectgarbage": "'collectgarbage' is not available in samverkan scripts",
        "ffi": "'ffi' is not available in samverkan scripts",
    ]

    private typealias Opener = @convention(c) (OpaquePointer?) -> Int32

    /// Opens the allowed libraries, builds the base table and the bridge, and runs the preludes.
    static func install(in runtime: LuaRuntime) throws(ScriptError) {
        let L = runtime.L
        let lua = runtime.stack
        let libraries: [(String, Opener)] = [
            ("_G", luaopen_base), ("string", luaopen_string), ("table", luaopen_table),
            ("math", luaopen_math), ("utf8", luaopen_utf8), ("coroutine", luaopen_coroutine), ("os", luaopen_os),
        ]
        lua.newTable()                                   // base
        let base = lua.top
        for (name, open) in libraries {
            sv_requiref(L, name, open)                   // library table
            switch name {
            case "_G":
                for function in allowedBaseFunctions {
                    lua.getField(-1, function)
                    lua.setField(base, function)
                }
            case "os":
                lua.newTable(fields: allowedOSFunctions.count)
                for function in allowedOSFunctions {
                    lua.getField(-2, function)
                    lua.setField(-2, function)
                }
                lua.setField(base, "os")
            case "string":
                lua.pushNil()
                lua.setField(-2, "dump")
                lua.pushValue(-1)
                lua.setField(base, name)
            case "coroutine":
                sv_patch_coroutine(L)
                lua.pushValue(-1)
                lua.setField(base, name)
            default:
                lua.pushValue(-1)
                lua.setField(base, name)
            }
            lua.pop()
        }
        // The real `load`, kept for the prelude only.
        lua_rawgeti(L, sv_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))
        lua.getField(-1, "load")
        let rawLoad = lua.ref()
        lua.pop()
        // Nothing can reach the real globals table any more.
        lua.newTable()
        lua_rawseti(L, sv_registryindex(), lua_Integer(LUA_RIDX_GLOBALS))

        // The primitives of the bridge (P) and the API's installer (api.lua), which every
        // later step wraps its functions with.
        CollectionPrimitives.pushTable(lua)
        let primitives = lua.top
        try runPrelude(runtime, LuaSource.named("api"), base: base) {
            APIInstaller.pushDeclaration(lua)
            lua.newTable(fields: 4)
            lua.push(callerLocation)
            lua.setField(-2, "caller_location")
            lua.getField(primitives, "is_record")
            lua.setField(-2, "is_record")
            lua.getField(primitives, "is_collection")
            lua.setField(-2, "is_collection")
            lua.pushValue(base)
            lua.setField(-2, "base")
            return 2
        }
        runtime.refs.api = lua.ref()

        try Bridge.install(in: runtime, base: base, primitives: primitives)
        try FormatLibrary.install(in: runtime, base: base)
        try TextLibrary.install(in: runtime, base: base)

        // new_env = sandbox.lua(base, forbidden, raw_load, find_module, reserve, api, write, chunk_limit, check_chunk)
        try runPrelude(runtime, LuaSource.named("sandbox"), base: base) {
            lua.pushValue(base)
            lua.newTable(fields: forbidden.count)
            for (name, message) in forbidden {
                lua.push(message)
                lua.setField(-2, name)
            }
            lua.pushRef(rawLoad)
            lua.push(ModuleFinder.findModule)
            lua.push(reserve)
            lua.pushRef(runtime.refs.api)
            lua.push(write)
            lua.push(LuaRuntime.chunkLimit)
            lua.push(checkChunk)
            return 9
        }
        runtime.refs.newEnvironment = lua.ref()
        // The plugin modules, each run with `host` and kept in it under its name; drivers.lua,
        // the last, gathers what Swift calls.
        lua.newTable(fields: 7 + pluginModules.count)
        let host = lua.top
        lua.pushValue(primitives)
        lua.setField(host, "P")
        lua.push(callerLocation)
        lua.setField(host, "caller_location")
        lua.pushValue(base)
        lua.setField(host, "base")
        lua.pushRef(rawLoad)
        lua.setField(host, "raw_load")
        lua.pushRef(runtime.refs.api)
        lua.setField(host, "api")
        lua.push(suggest)
        lua.setField(host, "suggest")
        APIInstaller.pushPluginKeys(lua)
        lua.setField(host, "plugin_keys")
        // What a report's document and a validation's findings may hold in text: the memory
        // limit (out.lua, findings.lua), as the host copies that text out of Lua.
        lua.push(runtime.options.memoryLimitMB << 20)
        lua.setField(host, "text_budget")
        // The run's language, for t{ sv = …, en = … } (translate.lua).
        lua.push(runtime.options.locale.rawValue)
        lua.setField(host, "locale")
        lua.push(DescribeLibrary.describeText)
        lua.setField(host, "describe_text")
        lua.push(DescribeLibrary.showText)
        lua.setField(host, "show_text")
        for name in pluginModules {
            let module = try LuaSource.named(name)
            try runPrelude(runtime, module, base: base) {
                lua.pushValue(host)
                return 1
            }
            lua.setField(host, module.name)
        }
        lua.getField(host, "drivers")
        lua.getField(-1, "param_error_meta")
        sv_set_param_error_meta(L)
        runtime.refs.drivers = lua.ref()
        // Every declared function must have been installed by now.
        lua.pushRef(runtime.refs.api)
        lua.getField(-1, "check_complete")
        if runtime.pcall(arguments: 0, results: 0) != LUA_OK {
            throw .unavailable("internal error: \(lua.string(at: -1) ?? "?")")
        }
        lua.setTop(base - 1)
    }

    /// The host's plugin modules in the order they run: each may use those before it.
    static let pluginModules = ["param_error", "translate", "plugin_table", "out", "findings", "where", "describe", "drivers"]

    /// Runs a file of the host's Lua with `base` as its globals; leaves its one result on top.
    static func runPrelude(_ runtime: LuaRuntime, _ source: LuaSource, base: Int32,
                           arguments: () -> Int32) throws(ScriptError) {
        let name = source.chunkName
        try runtime.load(Data(source.text.utf8), chunkName: name, literalName: true)
        runtime.stack.pushValue(base)
        lua_setupvalue(runtime.L, -2, 1)
        let count = arguments()
        let status = runtime.pcall(arguments: count, results: 1)
        guard status == LUA_OK else {
            let message = runtime.stack.string(at: -1) ?? "?"
            throw .unavailable("internal error in \(name): \(message)")
        }
    }

    /// caller_location() → "file:line" of the innermost script frame (where a finding was added).
    static let callerLocation: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            sv_where_user(L)
            let text = LuaStack(L).string(at: -1) ?? ""
            LuaStack(L).pop()
            LuaStack(L).push(text.hasSuffix(": ") ? String(text.dropLast(2)) : text)
            return 1
        }
    }

    /// write(stream, text): `print`'s line to stdout, or to stderr when the command's stdout
    /// is its output (RuntimeOptions.printToStderr); a `note` always to stderr.
    static let write: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let toStderr = runtime.stack.string(at: 1) == "note" || runtime.options.printToStderr
            if lua_type(runtime.L, 2) == LUA_TSTRING { sv_write_string(runtime.L, 2, toStderr ? 1 : 0) }
            return 0
        }
    }

    /// check_chunk(source, chunkname) → nil, or "NAME:LINE: why" for what the system's Lua
    /// would compile wrongly (LuaChunkCheck).
    static let checkChunk: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let source = runtime.stack.string(at: 1), let problem = LuaChunkCheck.problem(in: Array(source.utf8)) else {
                runtime.stack.pushNil()
                return 1
            }
            var name = runtime.stack.type(2) == LUA_TSTRING ? runtime.stack.string(at: 2) ?? "" : ""
            if name.hasPrefix("@") || name.hasPrefix("=") { name.removeFirst() } else if name.isEmpty {
                name = "[string]"
            } else {
                name = "[string \"\(name.prefix(40))\"]"
            }
            runtime.stack.push("\(name):\(problem.line): \(problem.message)")
            return 1
        }
    }

    /// suggest(name, candidates) → " (did you mean 'x'?)" or "": the one did-you-mean, for Lua.
    static let suggest: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            let name = runtime.stack.string(at: 1) ?? ""
            var candidates: [String] = []
            if lua_type(L, 2) == LUA_TTABLE {
                for i in 0..<runtime.stack.rawLength(2) {
                    runtime.stack.rawIndex(2, i + 1)
                    if let candidate = runtime.stack.string(at: -1) { candidates.append(candidate) }
                    runtime.stack.pop()
                }
            }
            runtime.stack.push(didYouMean(name, in: candidates) ?? "")
            return 1
        }
    }

    /// reserve(bytes): fails like an allocation would when `bytes` more would pass the memory limit.
    static let reserve: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            let bytes = runtime.stack.number(at: 1) ?? 0
            if sv_would_exceed(L, bytes) != 0 {
                runtime.stack.push("not enough memory")
                return Raise.value
            }
            return 0
        }
    }

    /// [+1] A fresh globals table for one script, with `arg` = arguments.
    static func pushEnvironment(in runtime: LuaRuntime, arguments: [String]) {
        let lua = runtime.stack
        lua.pushRef(runtime.refs.newEnvironment)
        lua.newTable(array: arguments.count)
        for (i, argument) in arguments.enumerated() {
            lua.push(argument)
            lua_rawseti(runtime.L, -2, lua_Integer(i + 1))
        }
        // new_env cannot fail short of memory; an error leaves an empty table.
        if runtime.pcall(arguments: 1, results: 1) != LUA_OK {
            lua.pop()
            lua.newTable()
        }
    }
}
