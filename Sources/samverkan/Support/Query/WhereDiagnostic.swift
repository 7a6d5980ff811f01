/// How a `--where` mistake is shown: the message, the expression, and a caret under the
/// place it names (``WhereError/invalid(_:column:)``), when there is one.
enum WhereDiagnostic {
    static func lines(_ message: String, expression: String, column: Int?, console: Console) -> [String] {
        var lines = [console.errorPrefix() + "--where: \(message)", "  " + expression]
        if let column {
            lines.append("  " + String(repeating: " ", count: column) + "^")
        }
        return lines
    }
}
