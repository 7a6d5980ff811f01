import SamverkanCore
import SamverkanLua

/// Starting runtimes and turning script errors into exit 4.
enum ScriptRunner {
    /// `printToStdout` for `samverkan run`, whose stdout is the script's; every other command's
    /// stdout is its own output, so what plugins print goes to stderr.
    static func makeRuntime(kb: KnowledgeBase, global: GlobalOptions, printToStdout: Bool = false) throws(CLIFailure) -> LuaRuntime {
        var options = global.runtimeOptions
        options.printToStderr = !printToStdout
        do {
            return try LuaRuntime(kb: kb, options: options)
        } catch {
            throw failure(error, console: global.console)
        }
    }

    /// `error: file:line: message` plus the traceback, exit 4.
    ///
    /// A message without a `file:line:` prefix was raised with `error(message, 0)`: the
    /// script chose to speak to the user, so the traceback is left out.
    ///
    /// A value the script rejected with `param_error` is a usage error instead (exit 2),
    /// worded like the host's own parameter errors: `parameter 'year' … (plugin 'population')`.
    static func failure(_ error: ScriptError, console: Console, plugin: String? = nil) -> CLIFailure {
        if case .parameter = error {
            let suffix = plugin.map { " (plugin '\($0)')" } ?? ""
            return CLIFailure(.usage, [console.errorPrefix() + error.message + suffix])
        }
        var lines = [console.errorPrefix() + error.message]
        if let traceback = error.traceback, error.lua?.line != nil || error.message.hasPrefix("(error object") {
            lines.append(traceback)
        }
        return CLIFailure(.scriptFailed, lines)
    }
}
