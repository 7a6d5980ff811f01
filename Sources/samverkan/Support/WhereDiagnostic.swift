/// How a `--where` syntax error is shown: the message, the expression, a caret under the
/// token Lua complained about (its message says `near 'TOKEN'`).
enum WhereDiagnostic {
    /// `atEnd`: Lua stopped at the end of the expression (the caret goes after it).
    static func syntax(_ message: String, expression: String, atEnd: Bool = false, console: Console) -> [String] {
        var lines = [console.errorPrefix() + "--where: \(message)", "  " + expression]
        // A token's column is searched on one line only: a multi-line expression gets none.
        let oneLine = !expression.contains("\n")
        if let column = atEnd ? expression.count : oneLine ? column(of: message, in: expression) : nil {
            lines.append("  " + String(repeating: " ", count: column) + "^")
        }
        return lines
    }

    /// The character offset of the token named in `near 'TOKEN'` (or the end for `<eof>`).
    static func column(of message: String, in expression: String) -> Int? {
        guard let near = message.range(of: "near ") else { return nil }
        var token = String(message[near.upperBound...])
        if token.hasPrefix("<eof>") { return expression.count }
        guard token.hasPrefix("'") else { return nil }
        token = String(token.dropFirst())
        guard let end = token.lastIndex(of: "'") else { return nil }
        token = String(token[..<end])
        // The closing parenthesis the host adds around the expression: the end.
        guard let range = expression.range(of: token) else { return token == ")" ? expression.count : nil }
        return expression.distance(from: expression.startIndex, to: range.lowerBound)
    }
}
