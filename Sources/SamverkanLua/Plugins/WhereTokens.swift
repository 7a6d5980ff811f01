/// The tokens of a `--where` expression, as Lua's lexer would cut it (names, numbers,
/// strings, operators; comments and spaces dropped), with where each starts. Written here,
/// not taken from Lua: Lua's lexer does not hand out its tokens, and the teaching errors
/// (`=` for `==`, an unquoted word) and the key comparisons need them before Lua sees the
/// text.
struct WhereToken: Equatable {
    enum Kind: Equatable {
        case name
        case number
        case string
        case symbol
        /// Letters Lua does not take in a name (`Malmö`): text that was meant to be quoted.
        case word
    }

    let kind: Kind
    let text: String
    /// Characters from the start of the expression (where a caret goes).
    let column: Int
    /// The token's place in the expression's text.
    let range: Range<String.Index>
}

enum WhereTokens {
    /// Lua's operators of two and three characters, and those of other languages a user
    /// may type (`!=`, `&&`, `||`), longest first.
    private static let symbols = ["...", "==", "~=", "<=", ">=", "..", "//", "<<", ">>", "::", "!=", "&&", "||"]

    static func tokens(of expression: String) -> [WhereToken] {
        var tokens: [WhereToken] = []
        var i = expression.startIndex
        var column = 0
        func advance(_ n: Int = 1) {
            for _ in 0..<n where i < expression.endIndex {
                i = expression.index(after: i)
                column += 1
            }
        }
        func peek(_ offset: Int = 0) -> Character? {
            var j = i
            for _ in 0..<offset {
                guard j < expression.endIndex else { return nil }
                j = expression.index(after: j)
            }
            return j < expression.endIndex ? expression[j] : nil
        }
        /// The level of a long bracket `[==[` at i, if one starts there.
        func longBracket() -> Int? {
            guard peek() == "[" else { return nil }
            var level = 0
            while peek(level + 1) == "=" { level += 1 }
            return peek(level + 1) == "[" ? level : nil
        }
        func skipLong(_ level: Int) {
            advance(level + 2)
            let close = "]" + String(repeating: "=", count: level) + "]"
            while i < expression.endIndex, !expression[i...].hasPrefix(close) { advance() }
            advance(close.count)
        }
        while i < expression.endIndex {
            let c = expression[i]
            let start = i, startColumn = column
            func add(_ kind: WhereToken.Kind) {
                tokens.append(WhereToken(kind: kind, text: String(expression[start..<i]), column: startColumn, range: start..<i))
            }
            if c.isWhitespace {
                advance()
            } else if c == "-", peek(1) == "-" {
                advance(2)
                if let level = longBracket() { skipLong(level) } else {
                    while i < expression.endIndex, !expression[i].isNewline { advance() }
                }
            } else if c == "\"" || c == "'" {
                advance()
                while i < expression.endIndex, expression[i] != c, !expression[i].isNewline {
                    if expression[i] == "\\" { advance() }
                    advance()
                }
                advance()
                add(.string)
            } else if let level = longBracket() {
                skipLong(level)
                add(.string)
            } else if c.isASCII && c.isNumber || c == "." && (peek(1)?.isASCII ?? false) && (peek(1)?.isNumber ?? false) {
                while let d = peek(), d.isASCII && (d.isLetter || d.isNumber || d == "." || d == "_")
                        || (d == "+" || d == "-") && "eEpP".contains(expression[expression.index(before: i)]) {
                    advance()
                }
                add(.number)
            } else if c.isLetter || c == "_" || c.isNumber {
                var ascii = true
                while let d = peek(), d.isLetter || d.isNumber || d == "_" {
                    if !d.isASCII { ascii = false }
                    advance()
                }
                add(ascii ? .name : .word)
            } else if let symbol = symbols.first(where: { expression[i...].hasPrefix($0) }) {
                advance(symbol.count)
                add(.symbol)
            } else {
                advance()
                add(.symbol)
            }
        }
        return tokens
    }
}
