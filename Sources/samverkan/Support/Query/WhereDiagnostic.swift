/// How a `--where` syntax error is shown: the message, the expression, a caret under the
/// place where Lua stopped (``WhereError/syntax(_:column:)``).
enum WhereDiagnostic {
    static func syntax(_ message: String, expression: String, column: Int?, console: Console) -> [String] {
        var lines = [console.errorPrefix() + "--where: \(message)", "  " + expression]
        if let column {
            lines.append("  " + String(repeating: " ", count: column) + "^")
        }
        return lines
    }
}
