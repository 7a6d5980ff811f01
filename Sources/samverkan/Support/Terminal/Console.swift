import Foundation
import SamverkanCore
import SamverkanRender

/// Where output goes and how it looks: colour only on a terminal, never with NO_COLOR
/// or --no-color; progress only on a terminal.
struct Console: Sendable {
    let color: Bool
    let quiet: Bool

    init(noColor: Bool, quiet: Bool) {
        let environment = ProcessInfo.processInfo.environment
        color = !noColor && environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(2) == 1
        self.quiet = quiet
    }

    /// Writes a line to stderr.
    func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Writes to stderr without a newline (progress lines).
    func errorInline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes to stdout (through C stdio, like Lua's print, so the order is kept).
    func out(_ text: String) {
        print(text, terminator: "")
    }

    /// A diagnostic line, with the severity coloured on a terminal.
    func format(_ diagnostic: Diagnostic) -> String {
        let line = VisibleText.visible(diagnostic.formatted)
        guard color else { return line }
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.rule)]"
        let code = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return line.replacingOccurrences(of: label, with: code + label + "\u{1B}[0m")
    }

    /// `error:` in bold red on a terminal.
    func errorPrefix() -> String {
        color ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
    }
}
