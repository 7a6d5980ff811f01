/// Values written as Lua source writes them, for what samverkan shows a Lua user (the REPL,
/// `describe`, `samverkan test`'s diffs): a line of it can be pasted into a script.
public enum LuaLiteral {
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
