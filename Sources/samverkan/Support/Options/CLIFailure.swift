/// Exit codes of SPEC §7.2.
enum ExitStatus: Int32 {
    case success = 0
    case findings = 1
    case usage = 2
    case invalidData = 3
    case scriptFailed = 4
}

/// A failure that ends the command with a message (already formatted) and an exit status.
struct CLIFailure: Error {
    let status: ExitStatus
    let lines: [String]

    init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.lines = lines
    }

    init(_ status: ExitStatus, _ message: String) {
        self.init(status, [message])
    }

    /// A usage error: `error: message`, exit 2.
    static func usage(_ message: String) -> CLIFailure {
        CLIFailure(.usage, ["error: " + message])
    }
}
