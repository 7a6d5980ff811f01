import Foundation

/// A schema's `pattern`, in POSIX extended syntax, matched by the C library's `regexec`.
///
/// Why not NSRegularExpression (ICU): it backtracks, so `^(a+)+$` over forty values of
/// `aaaa…a!` took 32 s before any script ran. glibc's matcher follows every alternative at
/// once (no backtracking stack), so a match takes time in proportion to the value's length
/// times the pattern's size, and the size is bounded here at load: what could take without
/// bound is refused with the schema line, as is syntax the matcher would read differently
/// (`\d`, `(?…)`, lazy quantifiers, a backslash inside `[…]`, back-references). Values are
/// matched as UTF-8 characters (`.` is one character), as ICU did.
public final class SchemaPattern: @unchecked Sendable {
    public let source: String
    private var regex = regex_t()

    /// The largest pattern taken, in positions after counted repetition is expanded
    /// (`(a{1,100}){1,100}` is 10 000): each position costs time per character matched.
    public static let maximumSize = 2_000

    private init(source: String) {
        self.source = source
    }

    deinit { regfree(&regex) }

    /// The compiled pattern, or why it is refused (a message for the schema's diagnostic).
    public static func compile(_ pattern: String) -> Result<SchemaPattern, SchemaPatternError> {
        if let problem = unsupported(pattern) { return .failure(SchemaPatternError(message: problem)) }
        let size = expandedSize(pattern)
        if size > maximumSize {
            return .failure(SchemaPatternError(message:
                "has counted repetitions that expand to \(size) positions, more than \(maximumSize); "
                    + "nested {n,m} multiply: write a simpler pattern"))
        }
        let compiled = SchemaPattern(source: pattern)
        let status = withUTF8Locale { regcomp(&compiled.regex, pattern, REG_EXTENDED | REG_NOSUB) }
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, &compiled.regex, &buffer, buffer.count)
            return .failure(SchemaPatternError(message: "is not a valid POSIX extended regular expression ("
                + String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + ")"))
        }
        return .success(compiled)
    }

    /// Whether `text` has a match (anywhere, as `regexec` searches; anchor with `^…$`).
    public func matches(_ text: String) -> Bool {
        // regexec stops at a NUL; a value with one cannot be matched as a C string.
        guard !text.utf8.contains(0) else { return false }
        return Self.withUTF8Locale { regexec(&regex, text, 0, nil, 0) == 0 }
    }

    /// What in `pattern` POSIX extended syntax does not have, or reads differently from
    /// the syntax people know from other tools, with the way to write it.
    static func unsupported(_ pattern: String) -> String? {
        let chars = Array(pattern)
        var i = 0
        var inBracket = false
        var bracketStart = 0
        while i < chars.count {
            let c = chars[i]
            if inBracket {
                if c == "\\" {
                    return "has a backslash inside […], which POSIX reads as a backslash; "
                        + "write the character itself (a - first or last, a ] first: [0-9-])"
                }
                if c == "[", i + 1 < chars.count, ":=.".contains(chars[i + 1]) {
                    // [:digit:], [=a=], [.x.]: skip to the closing ":]".
                    let close = chars[i + 1]
                    var j = i + 2
                    while j + 1 < chars.count, !(chars[j] == close && chars[j + 1] == "]") { j += 1 }
                    i = j + 2
                    continue
                }
                if c == "]", i > bracketStart { inBracket = false }
                i += 1
                continue
            }
            switch c {
            case "\\":
                guard i + 1 < chars.count else { return "ends with a lone backslash" }
                let next = chars[i + 1]
                if next == "d" { return "uses \\d, which POSIX does not have; write [0-9]" }
                if next == "D" { return "uses \\D, which POSIX does not have; write [^0-9]" }
                if next.isNumber {
                    return "uses a back-reference (\\\(next)), which can take exponential time; write the pattern without it"
                }
                if next.isLetter, !"wWsSbB".contains(next) {
                    return "uses \\\(next), which POSIX extended syntax does not have"
                }
                i += 2
                continue
            case "[":
                inBracket = true
                bracketStart = i + 1
                if i + 1 < chars.count, chars[i + 1] == "^" { bracketStart += 1 }
            case "(":
                if i + 1 < chars.count, chars[i + 1] == "?" {
                    return "uses (?…), which POSIX does not have (no look-around, flags or (?:…)); write (…)"
                }
            case "*", "+", "?", "}":
                if i + 1 < chars.count, chars[i + 1] == "?" || chars[i + 1] == "+" {
                    return "uses a lazy or possessive quantifier (\(c)\(chars[i + 1])), which POSIX reads differently; "
                        + "POSIX matches the longest: write \(c) alone"
                }
            default:
                break
            }
            i += 1
        }
        return inBracket ? "has a [ without its ]" : nil
    }

    /// The pattern's size with counted repetition expanded: each atom counts 1, a `{n,m}`
    /// multiplies what it repeats by m (by n when open, `{n,}`).
    static func expandedSize(_ pattern: String) -> Int {
        let chars = Array(pattern)
        var stack: [Int] = [0]         // the size so far of each open group
        var last = 0                    // the size of the atom or group a quantifier repeats
        var i = 0
        func add(_ n: Int) { stack[stack.count - 1] = min(stack[stack.count - 1] + n, Int.max / 4); last = n }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                add(1)
                i += 2
                continue
            case "[":
                var j = i + 1
                if j < chars.count, chars[j] == "^" { j += 1 }
                if j < chars.count, chars[j] == "]" { j += 1 }
                while j < chars.count, chars[j] != "]" { j += 1 }
                add(1)
                i = j + 1
                continue
            case "(":
                stack.append(0)
            case ")":
                let inner = stack.count > 1 ? stack.removeLast() : 0
                add(max(inner, 1))
            case "{":
                var j = i + 1
                while j < chars.count, chars[j] != "}" { j += 1 }
                let bounds = String(chars[(i + 1)..<min(j, chars.count)]).split(separator: ",", omittingEmptySubsequences: false)
                let upper = bounds.count > 1 && !bounds[1].isEmpty ? Int(bounds[1]) : Int(bounds.first ?? "")
                let times = max(upper ?? 1, 1)
                let grown = last.multipliedReportingOverflow(by: times)
                let extra = grown.overflow ? Int.max / 4 : grown.partialValue - last
                stack[stack.count - 1] = min(stack[stack.count - 1] + extra, Int.max / 4)
                last = grown.overflow ? Int.max / 4 : grown.partialValue
                i = j + 1
                continue
            case "|", "^", "$", "*", "+", "?":
                break
            default:
                add(1)
            }
            i += 1
        }
        return stack.reduce(0) { min($0 + $1, Int.max / 4) }
    }

    /// `body` under the C.UTF-8 character type for this thread, so the matcher reads UTF-8.
    private static func withUTF8Locale<T>(_ body: () -> T) -> T {
        guard let locale = utf8Locale else { return body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return body()
    }

    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
}

/// Why a `pattern` is refused.
public struct SchemaPatternError: Error, Sendable {
    public let message: String
}
