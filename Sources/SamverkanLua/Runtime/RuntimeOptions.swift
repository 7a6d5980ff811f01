import SamverkanCore

/// The limits and settings every script run gets.
public struct RuntimeOptions: Sendable {
    /// Seconds a script may run (`--timeout`, default 30).
    public var timeout: Double = 30
    /// Megabytes a script may allocate (`--memory-limit`, default 1024).
    public var memoryLimitMB: Int = 1024
    /// Conventions for `fmt` (`--locale`).
    public var locale: OutputLocale = .sv
    /// Plugin folders, in order; `require("x")` loads `lib/x.lua` from the first that has it.
    public var pluginFolders: [String] = []
    /// Seconds after the timeout before the process is ended, for what no hook can stop.
    public var gracePeriod: Double = 2
    /// `print` writes to stderr: the command's stdout is its output (report, query, validate).
    public var printToStderr = false

    public init() {}
}
