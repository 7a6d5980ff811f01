/// Checks a chunk before Lua 5.4.4 compiles it, for the two code-generation bugs of that
/// version that give a script a wrong value with no error (lua.org's "wrong code gen. for
/// indices with comparisons" and "Wrong code generation in bitwise operations", fixed in
/// 5.4.8 and 5.4.5). The system's Lua cannot be patched; what would compile wrongly is
/// refused with its line and the way to write it, which compiles right.
enum LuaChunkCheck {
    /// Lua's comparison operators.
    private static let comparisons: Set<String> = ["<", ">", "<=", ">=", "==", "~="]
    private static let bitwise: Set<String> = ["&", "|", "~", "<<", ">>"]
    /// More distinct constants than this in a function and 5.4.4 miscompiles an integer on
    /// the left of a bitwise operator (MAXINDEXRK); counted over the whole chunk, to be safe.
    private static let constantLimit = 255

    /// Why `source` would be compiled wrongly, with the 1-based line, or nil.
    static func problem(in bytes: [UInt8]) -> (line: Int, message: String)? {
        // Fast paths: neither bug can occur without its characters.
        let hasIndex = bytes.contains(UInt8(ascii: "["))
        let hasBitwise = bytes.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "~")
            || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        guard hasIndex || hasBitwise else { return nil }
        let tokens = ChunkTokens(bytes).tokens
        if hasIndex, let token = comparisonIndex(tokens) {
            return (line(of: token, in: bytes),
                    "a comparison written as an index (t[a < b]) is compiled wrongly by the system's Lua 5.4.4 "
                        + "(it indexes another variable); put it in a local first: local k = a < b; t[k]")
        }
        if hasBitwise, let token = integerLeftOfBitwise(tokens) {
            return (line(of: token, in: bytes),
                    "an integer on the left of a bitwise operator (1 ~ x) in a chunk of more than \(constantLimit) "
                        + "constants is compiled wrongly by the system's Lua 5.4.4; write it on the right: x ~ 1")
        }
        return nil
    }

    /// The `[` of an index whose expression is a comparison (not inside and/or), if any.
    private static func comparisonIndex(_ tokens: [ChunkToken]) -> ChunkToken? {
        for (i, token) in tokens.enumerated() where token.kind == .symbol && token.text == "[" && i > 0 {
            let before = tokens[i - 1]
            let indexes = before.kind == .name && !LuaLiteral.keywords.contains(before.text) || before.kind == .string
                || before.kind == .symbol && (before.text == ")" || before.text == "]")
            guard indexes, let close = matching(tokens, from: i) else { continue }
            var inner = Array(tokens[(i + 1)..<close])
            // (a < b) is the same expression.
            while inner.first?.text == "(", let end = matching(inner, from: 0), end == inner.count - 1 {
                inner = Array(inner[1..<end])
            }
            let top = topLevel(inner)
            if top.contains(where: { $0.kind == .symbol && comparisons.contains($0.text) }),
               !top.contains(where: { $0.kind == .name && ($0.text == "and" || $0.text == "or") }) {
                return token
            }
        }
        return nil
    }

    /// An integer literal directly left of a binary bitwise operator, in a chunk with more
    /// distinct constants than a function may address directly.
    private static func integerLeftOfBitwise(_ tokens: [ChunkToken]) -> ChunkToken? {
        let constants = Set(tokens.filter { $0.kind == .number || $0.kind == .string }.map(\.text))
        guard constants.count > constantLimit else { return nil }
        for i in 0..<max(0, tokens.count - 1) {
            let token = tokens[i], next = tokens[i + 1]
            guard token.kind == .number, next.kind == .symbol, bitwise.contains(next.text),
                  !token.text.contains("."), !token.text.lowercased().contains("e") || token.text.lowercased().hasPrefix("0x")
            else { continue }
            // A number after an operator or at the start is an operand on the left.
            return token
        }
        return nil
    }

    /// The index of the bracket that closes the one at `start`.
    private static func matching(_ tokens: [ChunkToken], from start: Int) -> Int? {
        var depth = 0
        for j in start..<tokens.count where tokens[j].kind == .symbol {
            switch tokens[j].text {
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                depth -= 1
                if depth == 0 { return j }
            default: break
            }
        }
        return nil
    }

    /// The tokens outside any bracket.
    private static func topLevel(_ tokens: [ChunkToken]) -> [ChunkToken] {
        var depth = 0
        return tokens.filter { token in
            guard token.kind == .symbol else { return depth == 0 }
            switch token.text {
            case "(", "[", "{": depth += 1; return false
            case ")", "]", "}": depth -= 1; return false
            default: return depth == 0
            }
        }
    }

    private static func line(of token: ChunkToken, in bytes: [UInt8]) -> Int {
        bytes.prefix(token.offset).reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    }
}

/// A token of a Lua chunk: what the checks look at (names, numbers, strings, symbols).
struct ChunkToken {
    enum Kind { case name, number, string, symbol }
    let kind: Kind
    let text: String
    /// Its first byte's offset in the chunk.
    let offset: Int
}

/// Lua's tokens cut from a chunk's bytes in one pass (comments and spaces dropped; strings
/// kept whole, without their text). Written here because Lua's lexer does not hand them
/// out; bytes, not Characters, so a 4 MB chunk takes a fraction of a second.
struct ChunkTokens {
    let tokens: [ChunkToken]

    private static let symbols: [[UInt8]] = ["...", "==", "~=", "<=", ">=", "..", "//", "<<", ">>", "::"].map { Array($0.utf8) }

    init(_ b: [UInt8]) {
        var tokens: [ChunkToken] = []
        var i = 0
        let n = b.count
        func isNameByte(_ c: UInt8) -> Bool {
            (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c >= 0x80
        }
        /// The level of a long bracket `[==[` at j, if one starts there.
        func longBracket(_ j: Int) -> Int? {
            guard j < n, b[j] == 91 else { return nil }
            var level = 0
            while j + 1 + level < n, b[j + 1 + level] == 61 { level += 1 }
            return j + 1 + level < n && b[j + 1 + level] == 91 ? level : nil
        }
        /// Past the long bracket of `level` that starts at j.
        func skipLong(_ j: Int, _ level: Int) -> Int {
            var k = j + level + 2
            while k < n {
                if b[k] == 93 {
                    var m = k + 1, eq = 0
                    while m < n, b[m] == 61, eq < level { eq += 1; m += 1 }
                    if eq == level, m < n, b[m] == 93 { return m + 1 }
                }
                k += 1
            }
            return n
        }
        while i < n {
            let c = b[i]
            let start = i
            if c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12 {
                i += 1
            } else if c == 45, i + 1 < n, b[i + 1] == 45 {
                if let level = longBracket(i + 2) { i = skipLong(i + 2, level) } else {
                    while i < n, b[i] != 10 { i += 1 }
                }
            } else if c == 34 || c == 39 {
                i += 1
                while i < n, b[i] != c, b[i] != 10 {
                    if b[i] == 92 { i += 1 }
                    i += 1
                }
                i += 1
                tokens.append(ChunkToken(kind: .string, text: "", offset: start))
            } else if let level = longBracket(i) {
                i = skipLong(i, level)
                tokens.append(ChunkToken(kind: .string, text: "", offset: start))
            } else if (c >= 48 && c <= 57) || (c == 46 && i + 1 < n && b[i + 1] >= 48 && b[i + 1] <= 57) {
                i += 1
                while i < n, isNameByte(b[i]) || b[i] == 46
                        || ((b[i] == 43 || b[i] == 45) && [101, 69, 112, 80].contains(b[i - 1])) {
                    i += 1
                }
                tokens.append(ChunkToken(kind: .number, text: String(decoding: b[start..<i], as: UTF8.self), offset: start))
            } else if isNameByte(c) {
                while i < n, isNameByte(b[i]) { i += 1 }
                tokens.append(ChunkToken(kind: .name, text: String(decoding: b[start..<i], as: UTF8.self), offset: start))
            } else if let symbol = Self.symbols.first(where: { s in i + s.count <= n && b[i..<(i + s.count)].elementsEqual(s) }) {
                i += symbol.count
                tokens.append(ChunkToken(kind: .symbol, text: String(decoding: symbol, as: UTF8.self), offset: start))
            } else {
                i += 1
                tokens.append(ChunkToken(kind: .symbol, text: String(UnicodeScalar(c)), offset: start))
            }
        }
        self.tokens = tokens
    }
}
