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
    enum Frame {
        case array(Position, [RawValue])
        case object(Position)
    }

    static let unterminatedMessage = "unterminated string starting here; close it with \""
    static let emptyFileMessage = "the file is empty; a JSON data file needs an array of objects (write [] for none)"

    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let comma: UInt8 = 0x2C
    static let colon: UInt8 = 0x3A
    static let openBracket: UInt8 = 0x5B
    static let closeBracket: UInt8 = 0x5D
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D
    static let minus: UInt8 = 0x2D
    static let lineFeed = ReaderBytes.lineFeed

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

    mutating func readFile() throws(Failure) {
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
    mutating func readRecord() throws(Failure) {
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

}
