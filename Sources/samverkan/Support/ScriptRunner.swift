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
    ///
    /// A message without a `file:line:` prefix was raised with `error(message, 0)`: the
    /// script chose to speak to the user, so the traceback is left out.
    static func failure(_ error: ScriptError, console: Console) -> CLIFailure {
        var lines = [console.errorPrefix() + error.message]
        if let traceback = error.traceback, hasLocation(error.message) || error.message.hasPrefix("(error object") {
            lines.append(traceback)
        }
        return CLIFailure(.scriptFailed, lines)
    }

    /// True for `chunk:LINE: …`.
    static func hasLocation(_ message: String) -> Bool {
        guard let colon = message.firstIndex(of: ":") else { return false }
        let rest = message[message.index(after: colon)...]
        let digits = rest.prefix { $0.isNumber }
        return !digits.isEmpty && rest.dropFirst(digits.count).hasPrefix(": ")
    }
}
