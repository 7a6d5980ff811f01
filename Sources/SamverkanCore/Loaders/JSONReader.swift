/// Reads a JSON data file (RFC 8259, UTF-8): an array of objects, one record per object,
/// into raw records that remember where each value stands.
///
/// - A record's position is its `{`; each member's value is positioned at its first character,
///   and its name at the name's opening quote (`RawRecord.namePositions`).
/// - Strings become `.string` (escapes decoded), numbers `.number` with their literal text,
///   `true`/`false` `.boolean`, `null` `.null`, arrays `.list`, nested objects `.mapping`
///   (their content is checked for syntax, not kept).
/// - A leading UTF-8 byte order mark is accepted.
///
/// An element that is not an object, and a duplicate member name in a record, are reported
/// and reading goes on (the element is skipped; the first member is kept). A syntax error
/// ends the reading with one diagnostic; the records read before it are kept.
/// Nesting is limited to 512 levels and parsed without recursion.
public enum JSONReader {
    /// The deepest nesting accepted, counting the file's array as level 1 and a record as level 2.
    public static let maxDepth = 512

    public static func read(_ bytes: [UInt8], file: String) -> RawTable {
        bytes.withUnsafeBufferPointer { read(UnsafeRawBufferPointer($0), file: file) }
    }

    /// Reads the bytes in place, e.g. `data.withUnsafeBytes { JSONReader.read($0, file: name) }`.
    public static func read(_ bytes: UnsafeRawBufferPointer, file: String) -> RawTable {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse", JSONParser.emptyFileMessage,
                                                     at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var parser = JSONParser(p: base.assumingMemoryBound(to: UInt8.self), n: bytes.count, file: file)
        parser.run()
        return RawTable(records: parser.records, diagnostics: parser.diagnostics)
    }
}

/// The state of one JSON read. Works on the raw bytes; Strings are made only for names and values.
struct JSONParser {
    /// A syntax error: it ends the reading.
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    /// An array or object being read, for the iterative value parser.
    private enum Frame {
        case array(Position, [RawValue])
        case object(Position)
    }

    static let unterminatedMessage = "unterminated string starting here; close it with \""
    static let emptyFileMessage = "the file is empty; a JSON data file needs an array of objects (write [] for none)"

    private static let quote: UInt8 = 0x22
    private static let backslash: UInt8 = 0x5C
    private static let comma: UInt8 = 0x2C
    private static let colon: UInt8 = 0x3A
    private static let openBracket: UInt8 = 0x5B
    private static let closeBracket: UInt8 = 0x5D
    private static let openBrace: UInt8 = 0x7B
    private static let closeBrace: UInt8 = 0x7D
    private static let minus: UInt8 = 0x2D
    private static let lineFeed = ReaderBytes.lineFeed

    let p: UnsafePointer<UInt8>
    let n: Int
    let file: String

    /// The next byte to read.
    var i = 0
    /// Where line 1's text starts (after a byte order mark).
    var textStart = 0
    /// The line of byte `i` and the offset where that line starts.
    var line = 1
    var lineStart = 0
    /// A known column on the current line, so that columns are counted once per line.
    var anchorOffset = 0
    var anchorColumn = 1

    var records: [RawRecord] = []
    var diagnostics: [Diagnostic] = []
    var scratch: [UInt8] = []
    /// The member count of the last record, to size the next one's field array.
    var lastFieldCount = 0

    init(p: UnsafePointer<UInt8>, n: Int, file: String) {
        self.p = p
        self.n = n
        self.file = file
    }

    mutating func run() {
        do throws(Failure) {
            try readFile()
        } catch {
            let position = ReaderBytes.position(p, of: min(error.offset, n), line: 1, lineStart: textStart)
            diagnostics.append(diagnostic(error.message, at: position))
        }
    }

    // MARK: - The file and its records

    private mutating func readFile() throws(Failure) {
        if ReaderBytes.hasUTF16BOM(p, count: n) { throw Failure(message: ReaderBytes.utf16Message, offset: 0) }
        if ReaderBytes.hasUTF8BOM(p, count: n) {
            i = 3
            textStart = 3
            lineStart = 3
            anchorOffset = 3
        }
        skipWhitespace()
        guard i < n else { throw Failure(message: Self.emptyFileMessage, offset: textStart) }
        guard p[i] == Self.openBracket else {
            if p[i] == 0 { throw Failure(message: ReaderBytes.nulMessage, offset: i) }
            try checkUTF8AtCursor()
            throw Failure(message: "the file must be a JSON array of objects, found \(topLevelKind())", offset: i)
        }
        i += 1
        skipWhitespace()
        if i < n && p[i] == Self.closeBracket {
            i += 1
        } else {
            var index = 0
            while true {
                index += 1
                skipWhitespace()
                if i < n && p[i] == Self.openBrace {
                    try readRecord()
                } else {
                    let position = here()
                    let value = try readValue(depth: 1)
                    diagnostics.append(diagnostic(
                        "element \(index) of the array is \(kindName(value.content)), not an object", at: position))
                }
                skipWhitespace()
                guard i < n else { throw unexpected("expected ',' or ']' after an array element") }
                if p[i] == Self.comma {
                    try skipComma(before: Self.closeBracket)
                    continue
                }
                if p[i] == Self.closeBracket {
                    i += 1
                    break
                }
                throw unexpected("expected ',' or ']' after an array element")
            }
        }
        skipWhitespace()
        if i < n {
            if p[i] == 0 { throw Failure(message: ReaderBytes.nulMessage, offset: i) }
            try checkUTF8AtCursor()
            throw Failure(message: "unexpected text after the array; a JSON data file holds one array of objects",
                          offset: i)
        }
    }

    /// Reads a record object at `{` into `records`.
    private mutating func readRecord() throws(Failure) {
        let position = here()
        i += 1
        var fields: [(name: String, value: RawValue)] = []
        fields.reserveCapacity(lastFieldCount)
        var namePositions: [Position] = []
        namePositions.reserveCapacity(lastFieldCount)
        var names: Set<String> = []
        skipWhitespace()
        if i < n && p[i] == Self.closeBrace {
            i += 1
            records.append(RawRecord(position: position, fields: fields))
            return
        }
        while true {
            skipWhitespace()
            guard i < n && p[i] == Self.quote else { throw unexpected("expected a member name in double quotes") }
            let namePosition = here()
            let name = try readString()
            try skipColon()
            let value = try readValue(depth: 2)
            // A linear search is fastest for the few members of a typical record.
            let duplicate = fields.count < 16 ? fields.contains { $0.name == name } : names.contains(name)
            if duplicate {
                diagnostics.append(diagnostic("duplicate key '\(name)' in an object", at: namePosition))
            } else {
                fields.append((name, value))
                namePositions.append(namePosition)
                if fields.count == 16 {
                    names = Set(fields.map(\.name))
                } else if fields.count > 16 {
                    names.insert(name)
                }
            }
            skipWhitespace()
            guard i < n else { throw unexpected("expected ',' or '}' after an object member") }
            if p[i] == Self.comma {
                try skipComma(before: Self.closeBrace)
                continue
            }
            if p[i] == Self.closeBrace {
                i += 1
                break
            }
            throw unexpected("expected ',' or '}' after an object member")
        }
        lastFieldCount = fields.count
        var record = RawRecord(position: position, fields: fields)
        record.namePositions = namePositions
        records.append(record)
    }

    // MARK: - Values

    /// Reads one value; `depth` is the nesting level of the array or object holding it.
    /// Arrays and objects are read with an explicit stack, not recursion.
    private mutating func readValue(depth: Int) throws(Failure) -> RawValue {
        var stack: [Frame] = []
        var result: RawValue
        parsing: while true {
            skipWhitespace()
            guard i < n else { throw unexpected("expected a value") }
            let position = here()
            switch p[i] {
            case Self.quote:
                result = RawValue(.string(try readString()), at: position)
            case Self.minus, 0x30...0x39:
                result = RawValue(.number(try readNumber()), at: position)
            case Self.openBracket, Self.openBrace:
                let isArray = p[i] == Self.openBracket
                guard depth + stack.count < JSONReader.maxDepth else {
                    throw Failure(message: "nesting deeper than \(JSONReader.maxDepth) levels; flatten the data",
                                  offset: i)
                }
                i += 1
                skipWhitespace()
                if isArray {
                    if i < n && p[i] == Self.closeBracket {
                        i += 1
                        result = RawValue(.list([]), at: position)
                    } else {
                        stack.append(.array(position, []))
                        continue parsing
                    }
                } else {
                    if i < n && p[i] == Self.closeBrace {
                        i += 1
                        result = RawValue(.mapping, at: position)
                    } else {
                        try skipMemberName()
                        stack.append(.object(position))
                        continue parsing
                    }
                }
            case 0x41...0x5A, 0x61...0x7A:
                result = RawValue(try readLiteral(), at: position)
            default:
                throw valueExpected()
            }
            // A value is complete: add it to the containers it closes.
            while let frame = stack.popLast() {
                skipWhitespace()
                switch frame {
                case .array(let arrayPosition, var items):
                    items.append(result)
                    guard i < n else { throw unexpected("expected ',' or ']' after an array element") }
                    if p[i] == Self.comma {
                        try skipComma(before: Self.closeBracket)
                        stack.append(.array(arrayPosition, items))
                        continue parsing
                    }
                    guard p[i] == Self.closeBracket else {
                        throw unexpected("expected ',' or ']' after an array element")
                    }
                    i += 1
                    result = RawValue(.list(items), at: arrayPosition)
                case .object(let objectPosition):
                    guard i < n else { throw unexpected("expected ',' or '}' after an object member") }
                    if p[i] == Self.comma {
                        try skipComma(before: Self.closeBrace)
                        try skipMemberName()
                        stack.append(.object(objectPosition))
                        continue parsing
                    }
                    guard p[i] == Self.closeBrace else {
                        throw unexpected("expected ',' or '}' after an object member")
                    }
                    i += 1
                    result = RawValue(.mapping, at: objectPosition)
                }
            }
            return result
        }
    }

    /// Reads `"name"` and `:` of a member of a nested object, whose content is not kept.
    private mutating func skipMemberName() throws(Failure) {
        skipWhitespace()
        guard i < n && p[i] == Self.quote else { throw unexpected("expected a member name in double quotes") }
        _ = try readString()
        try skipColon()
    }

    private mutating func skipColon() throws(Failure) {
        skipWhitespace()
        guard i < n && p[i] == Self.colon else { throw unexpected("expected ':' after the member name") }
        i += 1
    }

    /// Moves past a `,` in an array or object, rejecting a trailing comma before `close`.
    private mutating func skipComma(before close: UInt8) throws(Failure) {
        let comma = i
        i += 1
        skipWhitespace()
        if i < n && p[i] == close {
            let closer = close == Self.closeBracket ? "]" : "}"
            throw Failure(message: "trailing comma before '\(closer)'; JSON does not allow one, remove the ','",
                          offset: comma)
        }
    }

    /// Reads `true`, `false` or `null` at a letter.
    private mutating func readLiteral() throws(Failure) -> RawContent {
        let start = i
        var j = i
        while j < n {
            let c = p[j]
            guard (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
            else { break }
            j += 1
        }
        let word = String(decoding: UnsafeBufferPointer(start: p + start, count: j - start), as: UTF8.self)
        switch word {
        case "true": i = j; return .boolean(true)
        case "false": i = j; return .boolean(false)
        case "null": i = j; return .null
        default:
            let shown = word.count > 40 ? String(word.prefix(40)) + "…" : word
            throw Failure(message: "unexpected word '\(shown)'; a value is a string in double quotes, a number, "
                + "true, false, null, an array or an object", offset: start)
        }
    }

    /// Reads a number (RFC 8259 grammar) and returns its literal text.
    private mutating func readNumber() throws(Failure) -> String {
        let start = i
        if p[i] == Self.minus { i += 1 }
        guard i < n && isDigit(p[i]) else { throw numberFailure("expected a digit after '-'") }
        if p[i] == 0x30 {
            i += 1
            if i < n && isDigit(p[i]) { throw numberFailure("a number cannot start with 0 followed by digits") }
        } else {
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && p[i] == 0x2E {
            i += 1
            guard i < n && isDigit(p[i]) else { throw numberFailure("expected a digit after '.'") }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && (p[i] == 0x65 || p[i] == 0x45) {
            i += 1
            if i < n && (p[i] == 0x2B || p[i] == Self.minus) { i += 1 }
            guard i < n && isDigit(p[i]) else { throw numberFailure("expected a digit in the exponent") }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
    }

    private func numberFailure(_ problem: String) -> Failure {
        Failure(message: "invalid number: \(problem)", offset: i)
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Reads a string at its opening quote, decoding escapes.
    private mutating func readString() throws(Failure) -> String {
        let open = i
        var j = i + 1
        var bits: UInt8 = 0
        while j < n {
            let c = p[j]
            if c == Self.quote || c == Self.backslash || c < 0x20 { break }
            bits |= c
            j &+= 1
        }
        if j < n && p[j] == Self.quote {
            if bits & 0x80 != 0 { try validateUTF8(from: open + 1, to: j) }
            i = j + 1
            return String(decoding: UnsafeBufferPointer(start: p + open + 1, count: j - open - 1), as: UTF8.self)
        }
        // Escapes, a control character, or the end of the file: the slow path.
        scratch.removeAll(keepingCapacity: true)
        var k = open + 1
        while true {
            guard k < n else { throw Failure(message: Self.unterminatedMessage, offset: open) }
            let c = p[k]
            if c == Self.quote {
                i = k + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c == Self.backslash {
                k = try readEscape(at: k, open: open)
                continue
            }
            if c < 0x20 { throw controlFailure(c, at: k) }
            let runStart = k
            var runBits: UInt8 = 0
            while k < n {
                let d = p[k]
                if d == Self.quote || d == Self.backslash || d < 0x20 { break }
                runBits |= d
                k &+= 1
            }
            if runBits & 0x80 != 0 { try validateUTF8(from: runStart, to: k) }
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: k - runStart))
        }
    }

    /// Decodes the escape at backslash `k` into `scratch`; returns the offset after it.
    private mutating func readEscape(at k: Int, open: Int) throws(Failure) -> Int {
        guard k + 1 < n else { throw Failure(message: Self.unterminatedMessage, offset: open) }
        let e = p[k + 1]
        let simple: UInt8
        switch e {
        case Self.quote, Self.backslash, 0x2F: simple = e
        case 0x62: simple = 0x08  // b
        case 0x66: simple = 0x0C  // f
        case 0x6E: simple = 0x0A  // n
        case 0x72: simple = 0x0D  // r
        case 0x74: simple = 0x09  // t
        case 0x75:  // u
            var scalar = try hex4(at: k, open: open)
            var next = k + 6
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                var low: UInt32 = 0
                if next + 1 < n && p[next] == Self.backslash && p[next + 1] == 0x75 {
                    low = try hex4(at: next, open: open)
                }
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw Failure(message: "unpaired surrogate \\u\(hexText(scalar)) in a string; a high surrogate "
                        + "(\\uD800-\\uDBFF) must be followed by a low one (\\uDC00-\\uDFFF)", offset: k)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                next += 6
            } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                throw Failure(message: "unpaired surrogate \\u\(hexText(scalar)) in a string; a low surrogate "
                    + "(\\uDC00-\\uDFFF) must follow a high one (\\uD800-\\uDBFF)", offset: k)
            }
            appendUTF8(scalar)
            return next
        default:
            let shown = e >= 0x21 && e < 0x7F ? "\\\(Character(Unicode.Scalar(e)))" : "\\ followed by \(describe(at: k + 1))"
            throw Failure(message: "invalid escape '\(shown)' in a string; the escapes are "
                + "\\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", offset: k)
        }
        scratch.append(simple)
        return k + 2
    }

    /// The four hex digits of the `\u` escape at backslash `k`.
    private func hex4(at k: Int, open: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for m in 2..<6 {
            guard k + m < n else { throw Failure(message: Self.unterminatedMessage, offset: open) }
            let c = p[k + m]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default:
                throw Failure(message: "invalid \\u escape in a string; write \\u and four hex digits (\\u00E5)", offset: k)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private func hexText(_ value: UInt32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    private func controlFailure(_ c: UInt8, at k: Int) -> Failure {
        switch c {
        case 0x0A, 0x0D:
            return Failure(message: "line break inside a string; close the string before the line ends, "
                + "or write the line break as \\n", offset: k)
        case 0:
            return Failure(message: "NUL byte inside a string; write it as \\u0000 (or is the file UTF-16 or binary?)",
                           offset: k)
        default:
            return Failure(message: "control character U+\(hexText(UInt32(c))) inside a string; "
                + "write it as an escape such as \\t or \\u\(hexText(UInt32(c)))", offset: k)
        }
    }

    private func validateUTF8(from start: Int, to end: Int) throws(Failure) {
        if let bad = ReaderBytes.firstInvalidUTF8(p, from: start, to: end) {
            throw Failure(message: ReaderBytes.invalidUTF8Message(p[bad]), offset: bad)
        }
    }

    // MARK: - Errors

    /// The failure for `expectation` at the cursor: the end of the file, a NUL byte or
    /// invalid UTF-8 are named as such.
    private func unexpected(_ expectation: String) -> Failure {
        guard i < n else { return Failure(message: "the file ends too early; \(expectation)", offset: n) }
        if p[i] == 0 { return Failure(message: ReaderBytes.nulMessage, offset: i) }
        if p[i] >= 0x80, ReaderBytes.firstInvalidUTF8(p, from: i, to: min(n, i + 4)) == i {
            return Failure(message: ReaderBytes.invalidUTF8Message(p[i]), offset: i)
        }
        return Failure(message: expectation, offset: i)
    }

    /// The failure where a value should start but does not.
    private func valueExpected() -> Failure {
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
    private func checkUTF8AtCursor() throws(Failure) {
        if p[i] >= 0x80, ReaderBytes.firstInvalidUTF8(p, from: i, to: min(n, i + 4)) == i {
            throw Failure(message: ReaderBytes.invalidUTF8Message(p[i]), offset: i)
        }
    }

    /// The character at `k` for a message: `'x'`, or `U+0001` for a control character.
    private func describe(at k: Int) -> String {
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
    private func topLevelKind() -> String {
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

    private func startsWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= n else { return false }
        for m in 0..<count where p[i + m] != word.utf8Start[m] { return false }
        return true
    }

    private func kindName(_ content: RawContent) -> String {
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

    private mutating func skipWhitespace() {
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
    private mutating func here() -> Position {
        if anchorOffset < lineStart || anchorOffset > i {
            anchorOffset = lineStart
            anchorColumn = 1
        }
        anchorColumn += ReaderBytes.scalarCount(p, from: anchorOffset, to: i)
        anchorOffset = i
        return Position(line: line, column: anchorColumn)
    }

    private func diagnostic(_ message: String, at position: Position) -> Diagnostic {
        Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, position))
    }
}
