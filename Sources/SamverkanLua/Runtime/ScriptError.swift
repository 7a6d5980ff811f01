import Foundation
/// Why a script did not finish, as the user is told.
public enum ScriptError: Error, Sendable, Equatable {
    /// The chunk does not compile: `file:line: message`.
    case syntax(LuaMessage)
    /// A Lua error: the message (with `file:line:` when Lua gave one) and the traceback lines.
    case runtime(LuaMessage, traceback: String)
    /// The script ran past `--timeout`.
    case timeout(seconds: Double)
    /// The script used more than `--memory-limit`.
    case memory(megabytes: Int)
    /// The file could not be read, or the runtime could not start.
    case unavailable(String)
    /// The script rejected the value of one of its parameters with `param_error(name, message)`:
    /// a usage error, not a crash. `message` continues "parameter 'name' …".
    case parameter(name: String, message: String)

    /// The message as printed after `error: `.
    public var message: String {
        switch self {
        case .syntax(let message): message.full
        case .runtime(let message, _): message.full
        case .timeout(let seconds):
            "timeout: the script ran longer than \(formatSeconds(seconds)) (raise it with --timeout SECONDS)"
        case .memory(let megabytes):
            "memory limit: the script used more than \(megabytes) MB (raise it with --memory-limit MB)"
        case .unavailable(let message): message
        case .parameter(let name, let message): "parameter '\(name)' \(message)"
        }
    }

    /// Where in a script the error happened, when Lua said so.
    public var lua: LuaMessage? {
        switch self {
        case .syntax(let message), .runtime(let message, _): message
        default: nil
        }
    }

    /// Why the process ends when a finalizer (`__gc`) still runs `seconds` after its script ended.
    /// `script`: what the state last ran (a plugin's file), so that `list` or `validate`,
    /// which load many, name the one whose finalizer loops.
    static func finalizerMessage(seconds: Double, script: String? = nil) -> String {
        "timeout: a finalizer (__gc) of the script still ran \(formatSeconds(seconds)) after the script ended"
            + (script.map { " (\($0))" } ?? "")
    }

    /// The traceback, when there is one.
    public var traceback: String? {
        if case .runtime(_, let traceback) = self, !traceback.isEmpty { return traceback }
        return nil
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds.rounded() == seconds && abs(seconds) < 1e15 ? "\(Int(seconds)) s" : "\(seconds) s"
}

/// A float as Lua's `%.14g` writes it (`0.5`, `1e+15`, `3.0`).
func luaNumberText(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(format: "%.1f", value) }
    return String(format: "%.14g", value)
}
