internal import CLua
import SamverkanCore

/// `text`: UTF-8-aware case mapping, length and Swedish collation.
enum TextLibrary {
    static func install(in runtime: LuaRuntime, base: Int32) throws(ScriptError) {
        try runtime.installAPI("text", [("lower", lower), ("upper", upper), ("less", less), ("len", length)])
        runtime.stack.setField(base, "text")
    }

    static let lower: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let s = runtime.text(at: 1, function: "text.lower") else { return Raise.withLocation }
            runtime.stack.push(s.lowercased())
            return 1
        }
    }

    static let upper: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let s = runtime.text(at: 1, function: "text.upper") else { return Raise.withLocation }
            runtime.stack.push(s.uppercased())
            return 1
        }
    }

    /// text.less(a, b) — true when a sorts before b in Swedish order (å, ä, ö after z).
    static let less: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let a = runtime.text(at: 1, function: "text.less"),
                  let b = runtime.text(at: 2, function: "text.less") else { return Raise.withLocation }
            runtime.stack.push(SwedishCollation.less(a, b))
            return 1
        }
    }

    /// text.len(s) — the number of characters.
    static let length: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let s = runtime.text(at: 1, function: "text.len") else { return Raise.withLocation }
            runtime.stack.push(s.count)
            return 1
        }
    }
}

extension LuaRuntime {
    /// The string at `index`, or nil with an error pushed.
    func text(at index: Int32, function: String) -> String? {
        guard lua_type(L, index) == LUA_TSTRING || lua_type(L, index) == LUA_TNUMBER, let s = stack.string(at: index) else {
            _ = stack.raise("\(function): expected a string, got \(stack.typeName(at: index))")
            return nil
        }
        return s
    }
}
