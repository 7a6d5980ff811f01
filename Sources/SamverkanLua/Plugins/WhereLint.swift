/// The mistakes a `--where` expression makes most, named before Lua sees it: habits of
/// other languages (`=`, `!=`, `&&`, `||`, `!`) and text that was not quoted. Lua itself
/// would say `')' expected near '='` or `unexpected symbol near '<\195>'`.
enum WhereLint {
    /// The first such mistake, as a message and the column to put the caret under.
    static func mistake(in tokens: [WhereToken]) -> (message: String, column: Int)? {
        for (i, token) in tokens.enumerated() {
            switch (token.kind, token.text) {
            case (.symbol, "="):
                return ("use '==' to compare ('=' assigns): \(example(tokens, i, "=="))", token.column)
            case (.symbol, "!="):
                return ("use '~=' for 'not equal' (Lua has no '!='): \(example(tokens, i, "~="))", token.column)
            case (.symbol, "&&"):
                return ("use 'and' (Lua has no '&&')", token.column)
            case (.symbol, "||"):
                return ("use 'or' (Lua has no '||')", token.column)
            case (.symbol, "!"):
                return ("use 'not' (Lua has no '!')", token.column)
            case (.word, _):
                return ("quote text: \(quoted(tokens, i))", token.column)
            default:
                continue
            }
        }
        return nil
    }

    /// `name == "Malmö"`: the comparison at `i` written with `op`, when it is a name
    /// compared with one value; else just the operator.
    private static func example(_ tokens: [WhereToken], _ i: Int, _ op: String) -> String {
        guard i > 0, i + 1 < tokens.count, tokens[i - 1].kind == .name else { return "'\(op)'" }
        let value = tokens[i + 1]
        let text = value.kind == .word || value.kind == .name ? "\"\(value.text)\"" : value.text
        return "\(tokens[i - 1].text) \(op) \(text)"
    }

    /// `name == "Malmö"` for an unquoted word at `i` (with the comparison before it, if any).
    static func quoted(_ tokens: [WhereToken], _ i: Int) -> String {
        let word = "\"\(tokens[i].text)\""
        if i >= 2, tokens[i - 2].kind == .name, ["==", "~=", "<", ">", "<=", ">="].contains(tokens[i - 1].text) {
            return "\(tokens[i - 2].text) \(tokens[i - 1].text) \(word)"
        }
        return word
    }

    /// The token of a name that is neither a field nor a global, when it stands where a
    /// value is compared with a field (`name == Lund`, `Lund == name`): then it was text
    /// meant to be quoted.
    static func comparedWord(_ name: String, in tokens: [WhereToken], fields: Set<String>) -> (index: Int, token: WhereToken)? {
        let comparisons: Set<String> = ["==", "~="]
        for (i, token) in tokens.enumerated() where token.kind == .name && token.text == name {
            if i >= 2, comparisons.contains(tokens[i - 1].text), tokens[i - 2].kind == .name { return (i, token) }
            if i + 2 < tokens.count, comparisons.contains(tokens[i + 1].text), fields.contains(tokens[i + 2].text) {
                return (i, token)
            }
        }
        return nil
    }

    /// The column of the first token that is the name `name`.
    static func column(of name: String, in tokens: [WhereToken]) -> Int? {
        tokens.first { $0.kind == .name && $0.text == name }?.column
    }
}
