/// Values of a JSON data file: objects, arrays, strings (with escapes), numbers, literals.
extension JSONParser {
    // MARK: - Values

    /// Reads one value; `depth` is the nesting level of the array or object holding it.
    /// Arrays and objects are read with an explicit stack, not recursion.
    mutating func readValue(depth: Int) throws(Failure) -> RawValue {
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
    mutating func skipMemberName() throws(Failure) {
        skipWhitespace()
        guard i < n && p[i] == Self.quote else { throw unexpected("expected a member name in double quotes") }
        _ = try readString()
        try skipColon()
    }

    mutating func skipColon() throws(Failure) {
        skipWhitespace()
        guard i < n && p[i] == Self.colon else { throw unexpected("expected ':' after the member name") }
        i += 1
    }

    /// Moves past a `,` in an array or object, rejecting a trailing comma before `close`.
    mutating func skipComma(before close: UInt8) throws(Failure) {
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
    mutating func readLiteral() throws(Failure) -> RawContent {
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
    mutating func readNumber() throws(Failure) -> String {
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

    func numberFailure(_ problem: String) -> Failure {
        Failure(message: "invalid number: \(problem)", offset: i)
    }

    @inline(__always)
    func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Where the run of string bytes from `start` ends (at a quote, a backslash, a control
    /// character or the end), and the OR of its bytes: bit 7 set means non-ASCII to validate.
    @inline(__always)
    func plainRun(from start: Int) -> (end: Int, bits: UInt8) {
        var k = start
        var bits: UInt8 = 0
        while k < n {
            let c = p[k]
            if c == Self.quote || c == Self.backslash || c < 0x20 { break }
            bits |= c
            k &+= 1
        }
        return (k, bits)
    }

    /// Reads a string at its opening quote, decoding escapes.
    mutating func readString() throws(Failure) -> String {
        let open = i
        let (j, bits) = plainRun(from: i + 1)
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
            let runBits: UInt8
            (k, runBits) = plainRun(from: k)
            if runBits & 0x80 != 0 { try validateUTF8(from: runStart, to: k) }
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: k - runStart))
        }
    }

    /// Decodes the escape at backslash `k` into `scratch`; returns the offset after it.
    mutating func readEscape(at k: Int, open: Int) throws(Failure) -> Int {
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
    func hex4(at k: Int, open: Int) throws(Failure) -> UInt32 {
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

    func hexText(_ value: UInt32) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    mutating func appendUTF8(_ scalar: UInt32) {
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

    func controlFailure(_ c: UInt8, at k: Int) -> Failure {
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

    func validateUTF8(from start: Int, to end: Int) throws(Failure) {
        if let bad = ReaderBytes.firstInvalidUTF8(p, from: start, to: end) {
            throw Failure(message: ReaderBytes.invalidUTF8Message(p[bad]), offset: bad)
        }
    }

}
