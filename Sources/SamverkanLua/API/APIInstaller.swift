internal import CLua
import SamverkanCore

/// Hands the declaration (``LuaAPI``) to `api.lua`, which wraps each implementation in its
/// argument checks; the host's Swift functions go through ``LuaRuntime/installAPI(_:_:)``.
enum APIInstaller {
    /// [+1] `{ [class] = { name, methods, prefix, variable, functions = { [name] = { variadic,
    /// params = { { name, value, expects, optional }, … } } } } }`.
    static func pushDeclaration(_ lua: LuaStack) {
        lua.newTable(fields: LuaAPI.classes.count)
        for apiClass in LuaAPI.classes {
            lua.newTable(fields: 5)
            lua.push(apiClass.name)
            lua.setField(-2, "name")
            lua.push(apiClass.methods)
            lua.setField(-2, "methods")
            lua.push(apiClass.prefix)
            lua.setField(-2, "prefix")
            lua.push(apiClass.variable)
            lua.setField(-2, "variable")
            lua.newTable(fields: apiClass.functions.count)
            for function in apiClass.functions {
                lua.newTable(fields: 2)
                lua.push(function.variadic)
                lua.setField(-2, "variadic")
                // A variadic function's "..." is documentation only: nothing to check.
                let checked = function.variadic ? [] : function.parameters
                lua.newTable(array: checked.count)
                for (i, parameter) in checked.enumerated() {
                    lua.newTable(fields: 4)
                    lua.push(parameter.name)
                    lua.setField(-2, "name")
                    lua.push(parameter.value.rawValue)
                    lua.setField(-2, "value")
                    lua.push(parameter.value.expected)
                    lua.setField(-2, "expects")
                    lua.push(parameter.optional)
                    lua.setField(-2, "optional")
                    lua_rawseti(lua.L, -2, lua_Integer(i + 1))
                }
                lua.setField(-2, "params")
                lua.setField(-2, function.name)
            }
            lua.setField(-2, "functions")
            lua.setField(-2, apiClass.name)
        }
    }
}

extension APIInstaller {
    /// [+1] `{ report = { [key] = value }, filter = …, validation = …, param = { … } }`:
    /// the keys each plugin table and parameter spec may have.
    static func pushPluginKeys(_ lua: LuaStack) {
        lua.newTable(fields: PluginKind.allCases.count + 1)
        for kind in PluginKind.allCases {
            pushKeys(lua, LuaAPI.keys(of: kind))
            lua.setField(-2, kind.rawValue)
        }
        pushKeys(lua, LuaAPI.paramKeys)
        lua.setField(-2, "param")
    }

    private static func pushKeys(_ lua: LuaStack, _ keys: [PluginKey]) {
        lua.newTable(fields: keys.count)
        for key in keys {
            lua.push(key.value.rawValue)
            lua.setField(-2, key.name)
        }
    }
}

extension LuaRuntime {
    /// [+1] The declared functions of `apiClass`, implemented by Swift callbacks, wrapped in
    /// their argument checks (`api.install`).
    func installAPI(_ apiClass: String, _ callbacks: [(String, SwiftCallback)]) throws(ScriptError) {
        stack.pushRef(refs.api)
        stack.getField(-1, "install")
        stack.remove(-2)
        stack.push(apiClass)
        stack.newTable(fields: callbacks.count)
        for (name, callback) in callbacks {
            stack.push(callback)
            stack.setField(-2, name)
        }
        guard pcall(arguments: 2, results: 1) == LUA_OK else {
            let message = stack.string(at: -1) ?? "?"
            throw .unavailable("internal error installing \(apiClass): \(message)")
        }
    }
}
