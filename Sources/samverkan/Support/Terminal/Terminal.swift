import Foundation

/// Facts about the terminal the output goes to.
enum Terminal {
    /// The width to wrap text output to: $COLUMNS, else the terminal's; `nil` (no wrapping)
    /// when the output goes to a pipe or a file (`toFile`: `-o FILE`).
    ///
    /// Unwrapped is what a pipe or a file wants: a table row stays one line, so `grep`,
    /// `sort` and `cut` see whole records, and an editor or `less -S` shows the rest. Bar
    /// charts are then drawn 100 columns wide. Setting COLUMNS (the tests set 100) wraps
    /// piped output as if it went to a terminal that wide.
    static func width(toFile: Bool = false) -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        guard !toFile, isatty(1) == 1 else { return nil }
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }

    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}
