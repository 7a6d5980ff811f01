import Foundation
internal import CLua
import SamverkanCore

/// The state of `samverkan repl`: one script environment that lives across lines, so a
/// `local`-free assignment on one line is there on the next. Each evaluation is a script
/// run like any other: sandboxed, under the timeout and the memory limit.
public final class ReplSession {
    public let runtime: LuaRuntime
    private let environment: Int32

    /// What one input came to.
    public enum Outcome: Equatable {
        /// It ran; the values it gave, as the REPL shows them (none for a statement).
        case values([String])
        /// It is not a whole chunk yet (an open `function`, `{`, string): read another line.
        case incomplete
        /// It did not compile or failed as it ran (the message; for a runtime error, the traceback too).
        case failed(String)
    }

    public init(runtime: LuaRuntime) {
        self.runtime = runtime
        Sandbox.pushEnvironment(in: runtime, arguments: [])
        environment = runtime.stack.ref()
    }

    deinit {
        luaL_unref(runtime.L, sv_registryindex(), environment)
    }

    /// The chunk name messages use: `stdin:1: attempt to …`.
    static let chunkName = "=stdin"

    /// Evaluates `source`: as an expression when it is one (its values are shown), else as
    /// statements, as lua.c does.
    public func evaluate(_ source: String) -> Outcome {
        runtime.naming("the REPL's input")
        defer { runtime.naming(nil) }
        let stack = runtime.stack
        let top = stack.top
        defer { stack.setTop(top) }
        do {
            try runtime.load(Data(("return " + source).utf8), chunkName: Self.chunkName, literalName: true)
        } catch {
            do {
                try runtime.load(Data(source.utf8), chunkName: Self.chunkName, literalName: true)
            } catch {
                return error.message.hasSuffix("<eof>") ? .incomplete : .failed(error.message)
            }
        }
        stack.pushRef(environment)
        lua_setupvalue(runtime.L, -2, 1)
        do {
            try runtime.call(arguments: 0, results: LUA_MULTRET)
        } catch {
            // A traceback that only says "in main chunk" says nothing the message does not.
            guard let traceback = error.traceback,
                  traceback.split(separator: "\n").filter({ $0.hasPrefix("\t") }).count > 1 else { return .failed(error.message) }
            return .failed(error.message + "\n" + traceback)
        }
        var shown: [String] = []
        for index in stride(from: top + 1, through: stack.top, by: 1) {
            runtime.pushDriver("show")
            stack.pushValue(index)
            do {
                try runtime.call(arguments: 1, results: 1)
            } catch {
                return .failed(error.message)
            }
            shown.append(stack.string(at: -1) ?? "?")
            stack.pop()
        }
        return .values(shown)
    }

    /// The names a global of the session holds, with raw access (no metamethod runs): the
    /// user's own (`x = …` on an earlier line) and those of the sandbox (`kb`, `fmt`, `string`, …).
    public func globalNames() -> [String] {
        let stack = runtime.stack
        let top = stack.top
        defer { stack.setTop(top) }
        var names: [String] = []
        stack.pushRef(environment)
        names += stringKeys(at: stack.top)
        names += baseNames()
        return Array(Set(names)).sorted()
    }

    /// The string keys of the table that global `name` holds (`string.` → its functions), or
    /// nil when it is not a plain table.
    public func fields(ofGlobal name: String) -> [String]? {
        let stack = runtime.stack
        let top = stack.top
        defer { stack.setTop(top) }
        pushGlobal(name)
        guard stack.type(-1) == LUA_TTABLE else { return nil }
        return stringKeys(at: stack.top)
    }

    /// The collection of the record or collection global `name` holds, if it holds one.
    public func collection(ofGlobal name: String) -> (collection: String, isRecord: Bool)? {
        let stack = runtime.stack
        let top = stack.top
        defer { stack.setTop(top) }
        pushGlobal(name)
        if let handle = runtime.record(at: -1) { return (runtime.kb.collections[Int(handle.collection)].name, true) }
        if let view = runtime.view(at: -1) { return (runtime.kb.collections[view.collection].name, false) }
        return nil
    }

    /// [+1 or more] The value of global `name`, read raw: the session's own, else the sandbox's.
    private func pushGlobal(_ name: String) {
        for push in [{ self.runtime.stack.pushRef(self.environment) }, { self.pushBase() }] {
            push()
            runtime.stack.push(name)
            lua_rawget(runtime.L, -2)
            if runtime.stack.type(-1) != LUA_TNIL { return }
        }
    }

    private func baseNames() -> [String] {
        let stack = runtime.stack
        let top = stack.top
        defer { stack.setTop(top) }
        pushBase()
        return stringKeys(at: stack.top)
    }

    /// [+1] The sandbox's table of allowed globals.
    private func pushBase() {
        runtime.stack.pushRef(runtime.refs.api)
        runtime.stack.getField(-1, "base")
        runtime.stack.remove(-2)
    }

    private func stringKeys(at index: Int32) -> [String] {
        var keys: [String] = []
        lua_pushnil(runtime.L)
        while lua_next(runtime.L, index) != 0 {
            if runtime.stack.type(-2) == LUA_TSTRING, let key = runtime.stack.string(at: -2) { keys.append(key) }
            runtime.stack.pop()
        }
        return keys
    }
}
