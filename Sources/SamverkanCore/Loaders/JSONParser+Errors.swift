/// Error messages and positions of the JSON reader.
extension JSONParser {
    // MARK: - Errors

    /// The failure for `expectation` at the cursor: the end of the file, a NUL byte or
    /// invalid UTF-8 are named as such.
    func unexpected(_ expectation: String) -> Failure {
        guard i < n else { return Failure(message: "the file ends too early; \(expectation)", offset: n) }
        if p[i] == 0 { return Failure(message: ReaderBytes.nulMessage, offset: i) }
        if p[i] >= 0x80, ReaderBytes.firstInvalidUTF8(p, from: i, to: min(n, i + 4)) == i {
            return Failure(message: ReaderBytes.invalidUTF8Message(p[i]), offset: i)
        }
        return Failure(message: expectation, offset: i)
    }

    /// The failure where a value should start but does not.
    func valueExpected() -> Failure {
        var failure = unexpected("expected a value")
        guard failure.message == "expected a value" else { return failure }
        switch p[i] {
        case 0x27:
            failure.message = "expected a value, found '; JSON strings use double quotes"
        case 0x2B, 0x2E:
            failure.message = "expected a value, found \(describe(at: i)); a JSON number starts with '-' or a digit"
        default:
            failure.message = "expected a value, found \(describe(at: i))"
        }
        return failure
    }

    /// Throws when the cursor is at bytes that are not UTF-8.
    func checkUTF8AtCursor() throws(Failure) {
        if p[i] >= 0x80, ReaderBytes.firstInvalidUTF8(p, from: i, to: min(n, i + 4)) == i {
            throw Failure(message: ReaderBytes.invalidUTF8Message(p[i]), offset: i)
        }
    }

    /// The character at `k` for a message: `'x'`, or `U+0001` for a control character.
    func describe(at k: Int) -> String {
        guard k < n else { return "the end of the file" }
        let c = p[k]
        if c < 0x20 || c == 0x7F { return "U+\(hexText(UInt32(c)))" }
        if c < 0x80 { return "'\(Character(Unicode.Scalar(c)))'" }
        var end = k + 1
        while end < n && end < k + 4 && p[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(start: p + k, count: end - k), as: UTF8.self)
        return "'\(text.unicodeScalars.first.map { String($0) } ?? "?")'"
    }

    /// What the file holds when it does not start with `[`.
    func topLevelKind() -> String {
        switch p[i] {
        case Self.openBrace: return "an object"
        case Self.quote: return "a string"
        case Self.minus, 0x30...0x39: return "a number"
        default:
            if startsWord("true") || startsWord("false") { return "a boolean" }
            if startsWord("null") { return "null" }
            return describe(at: i)
        }
    }

    func startsWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= n else { return false }
        for m in 0..<count where p[i + m] != word.utf8Start[m] { return false }
        return true
    }

    func kindName(_ content: RawContent) -> String {
        switch content {
        case .string, .cell, .text: "a string"
        case .number: "a number"
        case .boolean: "a boolean"
        case .null: "null"
        case .list: "an array"
        case .mapping: "an object"
        }
    }

    // MARK: - Positions

    mutating func skipWhitespace() {
        while i < n {
            let c = p[i]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                i &+= 1
            } else if c == Self.lineFeed {
                i &+= 1
                line += 1
                lineStart = i
            } else {
                return
            }
        }
    }

    /// The position of the cursor, counting columns forward from the last one asked for on this line.
    mutating func here() -> Position {
        if anchorOffset < lineStart || anchorOffset > i {
            anchorOffset = lineStart
            anchorColumn = 1
        }
        anchorColumn += ReaderBytes.scalarCount(p, from: anchorOffset, to: i)
        anchorOffset = i
        return Position(line: line, column: anchorColumn)
    }

    func diagnostic(_ message: String, at position: Position) -> Diagnostic {
        Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, position))
    }
}
