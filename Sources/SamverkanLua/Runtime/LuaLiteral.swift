/// Values written as Lua source writes them, for what samverkan shows a Lua user (the REPL,
/// `describe`, `samverkan test`'s diffs, `samverkan types`): a line of it can be pasted
/// into a script. Lua's reserved words are declared here once.
public enum LuaLiteral {
    /// Lua 5.4's reserved words: never a name, never a bare table key.
    public static let keywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// Whether `name` can be written bare: an ASCII identifier that is not a reserved word.
    public static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return !keywords.contains(name)
            && name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// A table key: `name` bare, else `["na me"]`.
    public static func key(_ name: String) -> String {
        isName(name) ? name : "[" + quoted(name) + "]"
    }

    /// A string in double quotes, with `"`, `\\`, line feeds, tabs and other control
    /// characters escaped.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                // Three digits, so a digit after it is not read as part of it (\0271).
                let digits = String(scalar.value)
                out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
