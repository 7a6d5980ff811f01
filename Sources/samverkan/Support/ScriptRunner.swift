import SamverkanCore
import SamverkanLua

/// Starting runtimes and turning script errors into exit 4.
enum ScriptRunner {
    static func makeRuntime(kb: KnowledgeBase, global: GlobalOptions) throws(CLIFailure) -> LuaRuntime {
        do {
            return try LuaRuntime(kb: kb, options: global.runtimeOptions)
        } catch {
            throw failure(error, console: global.console)
        }
    }

    /// `error: file:line: message` plus the traceback, exit 4.
    static func failure(_ error: ScriptError, console: Console) -> CLIFailure {
        var lines = [console.errorPrefix() + error.message]
        if let traceback = error.traceback { lines.append(traceback) }
        return CLIFailure(.scriptFailed, lines)
    }
}
