import SamverkanCore

/// The reference of the Lua API, written from its declaration (``LuaAPI``): `samverkan help
/// api [NAME]` in the terminal, and `docs/lua-api.md` (`samverkan help api --markdown`).
public enum APIReference {
    /// How a call of the class is written before the function's name: `fmt.`, `out:`, `c:`.
    static func owner(_ apiClass: APIClass) -> String {
        apiClass.methods && apiClass.prefix.isEmpty ? apiClass.variable + ":" : apiClass.prefix
    }

    /// `sum(f: string|fun(r: record): any) → number`.
    static func signature(_ apiClass: APIClass, _ function: APIFunction) -> String {
        let owner = owner(apiClass)
        let parameters = function.parameters.map { p in
            p.name == "..." ? "..." : "\(p.name)\(p.optional ? "?" : ""): \(generic(p.luaType))"
        }
        let returns = function.returns.map { " → " + generic($0) } ?? ""
        return "\(owner)\(function.name)(\(parameters.joined(separator: ", ")))\(returns)"
    }

    /// A template type in words: `$R` a record, `$C` a collection, `$K` a key.
    static func generic(_ type: String) -> String {
        type.replacingOccurrences(of: "$R", with: "record").replacingOccurrences(of: "$C", with: "collection")
            .replacingOccurrences(of: "$K", with: "key")
    }

    /// The names a reader may ask for: a class (`fmt`, `collection`), a function by its
    /// bare name (`sum`) or as it is written (`fmt.number`, `out:table`, `c:sum`).
    public static func lookup(_ name: String) -> (APIClass, [APIFunction])? {
        if let apiClass = LuaAPI.class(name) { return (apiClass, apiClass.functions) }
        for apiClass in LuaAPI.classes {
            for function in apiClass.functions {
                if name == function.name || name == owner(apiClass) + function.name || name == apiClass.name + ":" + function.name {
                    return (apiClass, [function])
                }
            }
        }
        return nil
    }

    /// Every name ``lookup(_:)`` knows, for suggestions.
    public static var names: [String] {
        LuaAPI.classes.map(\.name) + LuaAPI.classes.flatMap { c in c.functions.map { (c.methods && c.prefix.isEmpty ? "" : c.prefix) + $0.name } }
            + ["plugin"]
    }

    /// The terminal reference: every class with its functions' signatures, or one class or
    /// function in full (summary and example).
    public static func text(_ name: String? = nil) -> String? {
        guard let name else {
            var out = "The Lua API of samverkan scripts and plugins (samverkan help api NAME for one in full).\n"
            for apiClass in LuaAPI.classes {
                out += "\n\(apiClass.name): \(apiClass.summary)\n"
                for field in apiClass.fields { out += "  \(apiClass.variable).\(field.name): \(generic(field.luaType))\n" }
                for function in apiClass.functions { out += "  \(signature(apiClass, function))\n" }
            }
            out += "\nplugin: " + pluginSummary + " (samverkan help api plugin)\n"
            return out
        }
        if name == "plugin" { return pluginText() }
        guard let (apiClass, functions) = lookup(name) else { return nil }
        var out = ""
        if functions.count > 1 || LuaAPI.class(name) != nil { out += "\(apiClass.name): \(apiClass.summary)\n" }
        for field in apiClass.fields where functions.count > 1 {
            out += "\n  \(apiClass.variable).\(field.name): \(generic(field.luaType))\n      \(field.summary)\n"
        }
        for function in functions {
            out += "\n  \(signature(apiClass, function))\n      \(function.summary)\n      e.g. \(function.example)\n"
        }
        return out
    }

    private static let pluginSummary = "the table a plugin file returns, by kind, and its parameter specs"

    private static func pluginText() -> String {
        var out = "plugin: \(pluginSummary).\n"
        for kind in PluginKind.allCases {
            out += "\n  kind = \"\(kind.rawValue)\"\n"
            for key in LuaAPI.keys(of: kind) { out += "    \(key.name): \(key.luaType)  \(key.summary)\n" }
        }
        out += "\n  params = { NAME = { … } }\n"
        for key in LuaAPI.paramKeys { out += "    \(key.name): \(key.luaType)  \(key.summary)\n" }
        return out
    }

    /// `docs/lua-api.md`.
    public static func markdown() -> String {
        var out = """
            # The Lua API

            <!-- Written by `samverkan help api --markdown` from the declaration in
                 Sources/SamverkanLua/API/LuaAPI.swift; edit that, then run `make docs`. -->

            Everything a samverkan script or plugin sees besides Lua's own libraries: each
            function with its parameters, what it returns and an example. Every call is checked
            against this: a wrong argument stops the script with
            `bad argument #1 to 'sum' (field name or function expected, got nil)` at the line of
            the call. `samverkan help api NAME` shows one entry in the terminal, and `samverkan
            types` writes the same as Lua language server annotations.

            **Keys compare as keys.** Wherever samverkan compares for you (`--where`, `where{…}`,
            `get`), a ref equals its key and a number equals the key or text it writes:
            `--where 'region == "12"'`, `where{ region = 12 }` and `get(1280)` all find by key. In
            your own Lua, `==` compares a record only with a record: write `m.region:key() == "12"`.

            """
        for apiClass in LuaAPI.classes {
            out += "\n## \(apiClass.name)\n\n\(apiClass.summary)\n"
            for field in apiClass.fields {
                out += "\n- `\(apiClass.variable).\(field.name)`: `\(generic(field.luaType))`. \(field.summary)\n"
            }
            for function in apiClass.functions {
                out += "\n### `\(signature(apiClass, function))`\n\n\(function.summary)\n\n```lua\n\(function.example)\n```\n"
            }
        }
        out += "\n## plugin tables\n\nA plugin file returns a table; an unknown key, or one of another kind, is an invalid plugin.\n"
        for kind in PluginKind.allCases {
            out += "\n### `kind = \"\(kind.rawValue)\"`\n\n| key | type | |\n|---|---|---|\n"
            for key in LuaAPI.keys(of: kind) { out += "| `\(key.name)` | `\(key.luaType.replacingOccurrences(of: "|", with: "\\|"))` | \(key.summary) |\n" }
        }
        out += "\n### parameter specs: `params = { NAME = { … } }`\n\n| key | type | |\n|---|---|---|\n"
        for key in LuaAPI.paramKeys { out += "| `\(key.name)` | `\(key.luaType.replacingOccurrences(of: "|", with: "\\|"))` | \(key.summary) |\n" }
        return out
    }
}
