/// Reads a CSV data file (UTF-8, RFC 4180 quoting, a header row of field names)
/// into raw records that remember where each value stands.
///
/// - A leading UTF-8 byte order mark is skipped; columns after it start at 1.
/// - Lines end in LF or CRLF; the final line end is optional; completely empty lines are skipped.
/// - An empty cell (also `""`) is `.null`; any other cell is `.cell(text)` with the text as
///   written (unquoted, `""` turned into `"`, nothing trimmed).
/// - A value's position is its cell's first character (the opening quote of a quoted cell);
///   a record's position is column 1 of the line its row starts on.
///
/// Problems become `schema.parse` errors and reading goes on: a bad row is reported once and
/// skipped. Only an unterminated quoted cell ends the reading, since the rest of the file
/// cannot be split into rows any more.
///
/// `read` returns the records; the loader instead uses `scan`, which hands each row's cell
/// byte ranges and positions to a sink (CollectionBuilder) and keeps no rows itself.
public enum CSVReader {
    public static func read(_ bytes: [UInt8], file: String) -> RawTable {
        bytes.withUnsafeBufferPointer { read(UnsafeRawBufferPointer($0), file: file) }
    }

    /// Reads the bytes in place, e.g. `data.withUnsafeBytes { CSVReader.read($0, file: name) }`.
    public static func read(_ bytes: UnsafeRawBufferPointer, file: String) -> RawTable {
        var sink = RawRecordSink()
        let (diagnostics, headerPositions) = scan(bytes, file: file, into: &sink)
        return RawTable(records: sink.records, diagnostics: diagnostics, headerPositions: headerPositions)
    }

    /// Reads the bytes in place and hands the header and each well-formed row to `sink`
    /// (rows with problems are reported, not handed on). Returns the diagnostics and
    /// where each kept header name stands. `release(offset)` is called now and then with
    /// an offset before which no byte will be read again.
    /// `dialect` gives the delimiter and, for the messages of a file that is not written as
    /// its schema says, the collection and its declared encoding (the bytes are UTF-8 here).
    static func scan<Sink: CSVSink>(_ bytes: UnsafeRawBufferPointer, file: String, into sink: inout Sink,
                                    release: ((Int) -> Void)? = nil, dialect: CSVDialect = CSVDialect())
        -> (diagnostics: [Diagnostic], headerPositions: [String: Position]) {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return ([Diagnostic(.error, rule: "schema.parse", CSVParser.emptyFileMessage,
                                at: SourceLocation(file: file, line: 1, column: 1))], [:])
        }
        var parser = CSVParser(p: base.assumingMemoryBound(to: UInt8.self), n: bytes.count, file: file, dialect: dialect)
        parser.release = release
        parser.run(into: &sink)
        return (parser.diagnostics, parser.headerPositions)
    }
}

/// What the parser needs to know of a collection's CSV dialect (`FileFormat`).
struct CSVDialect {
    /// The byte between cells.
    var delimiter: UInt8 = 0x2C
    /// The collection, for the hints that name its schema entry; nil outside a load.
    var collection: String?
    /// Whether the file is meant to be UTF-8 (else it was decoded before the parse).
    var utf8 = true
}

/// One cell of a CSV row: its content bytes `p[start..<end]` (inside the quotes for a quoted cell).
struct CSVCell {
    var start: Int
    var end: Int
    /// The content holds doubled quotes (`""`) that stand for one quote.
    var doubled: Bool
    var position: Position

    /// The content bytes as written (doubled quotes still doubled).
    @inline(__always)
    func bytes(_ p: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: p + start, count: end - start)
    }

    /// The cell's text with doubled quotes undone.
    func text(_ p: UnsafePointer<UInt8>) -> String {
        if !doubled { return String(decoding: bytes(p), as: UTF8.self) }
        var scratch: [UInt8] = []
        scratch.reserveCapacity(end - start)
        var k = start
        while k < end {
            let c = p[k]
            scratch.append(c)
            k += c == ReaderBytes.quote ? 2 : 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The cell's value: `.null` when empty, else its text.
    func content(_ p: UnsafePointer<UInt8>) -> RawContent {
        start == end ? .null : .cell(text(p))
    }
}

/// What a CSV read hands on: the header once, then each well-formed row.
protocol CSVSink {
    /// The header's names by cell (empty for an empty name) and the cells whose names are
    /// kept (not empty, not a repeat), in order, with their positions.
    mutating func header(names: [String], kept: [Int], positions: [Position])
    /// A well-formed row of as many cells as the header, starting on `line`; `p` holds the bytes.
    /// (`cells` may hold stale cells after the row's own.)
    mutating func row(_ cells: [CSVCell], line: Int, bytes p: UnsafePointer<UInt8>)
    /// A row that cannot be read, with the error that reports it: the first `count` cells as
    /// far as they were read. `reliable` is how many leading cells stand before the fault
    /// (nil when the cell count is wrong and only the sink can tell where); `rest` is true
    /// when the rows after it cannot be read either (an unterminated quoted cell). The sink
    /// may word the error better (it knows the fields) and notes what the row would have held.
    mutating func unread(_ cells: [CSVCell], count: Int, reliable: Int?, rest: Bool, line: Int,
                         bytes p: UnsafePointer<UInt8>, diagnostic: inout Diagnostic)
}

extension CSVSink {
    mutating func unread(_ cells: [CSVCell], count: Int, reliable: Int?, rest: Bool, line: Int,
                         bytes p: UnsafePointer<UInt8>, diagnostic: inout Diagnostic) {}
}

/// Collects the rows as ``RawRecord``s (for ``CSVReader/read(_:file:)-(UnsafeRawBufferPointer,_)``).
struct RawRecordSink: CSVSink {
    var records: [RawRecord] = []
    private var names: [String] = []
    private var kept: [Int] = []

    mutating func header(names: [String], kept: [Int], positions: [Position]) {
        self.names = names
        self.kept = kept
    }

    mutating func row(_ cells: [CSVCell], line: Int, bytes p: UnsafePointer<UInt8>) {
        var fields: [(name: String, value: RawValue)] = []
        fields.reserveCapacity(kept.count)
        for index in kept {
            let cell = cells[index]
            fields.append((names[index], RawValue(cell.content(p), at: cell.position)))
        }
        records.append(RawRecord(position: Position(line: line, column: 1), fields: fields))
    }
}

/// The state of one CSV read. Works on the raw bytes; Strings are made only for header names
/// (and for cells, by sinks that want them).
struct CSVParser {
    static let emptyFileMessage = "the file is empty; a CSV file needs a header row"
    static let unterminatedMessage = "unterminated quoted cell starting here; close it with \""
    static let quoteInCellMessage =
        "quote in the middle of an unquoted cell; put the whole cell in quotes and write each quote inside it as \"\""
    static let textAfterQuoteMessage =
        "text after the closing quote of a quoted cell; end the cell there with a comma, or write a quote inside it as \"\""
    static let emptyNameMessage = "empty field name in the header; give every column a name"

    static func duplicateNameMessage(_ name: String) -> String {
        "duplicate field name '\(name)' in the header; each field may appear once"
    }

    static func countMessage(cells: Int, fields: Int, delimiter: UInt8 = 0x2C) -> String {
        let cellWord = cells == 1 ? "cell" : "cells"
        let fieldWord = fields == 1 ? "field" : "fields"
        let d = delimiter == 0x09 ? "tab" : String(Character(Unicode.Scalar(delimiter)))
        let advice = cells > fields
            ? (delimiter == 0x2C ? "quote cells that contain commas" : "quote cells that contain '\(d)'")
            : (delimiter == 0x2C ? "add empty cells (,,) for missing values" : "add empty cells for missing values")
        return "row has \(cells) \(cellWord) but the header has \(fields) \(fieldWord); \(advice)"
    }

    /// The header is one cell holding another delimiter: the file's dialect is not the schema's.
    static func dialectMessage(found: UInt8, declared: UInt8, collection: String?) -> String {
        let name = { (b: UInt8) in b == 0x09 ? "tabs" : "'\(Character(Unicode.Scalar(b)))'" }
        let fix = collection.map { "add delimiter: \(FileFormat.written(found)) to collection '\($0)' in schema.yaml" }
            ?? "write the file with \(name(declared)) between cells"
        return "the header is separated by \(name(found)), not \(name(declared)) as the schema says; \(fix) "
            + "(the rows are not read until it is)"
    }

    /// The first byte that is not UTF-8 in a file meant to be: it reads as Windows-1252.
    static func encodingMessage(_ byte: UInt8, sample: String, collection: String?) -> String {
        let fix = collection.map { "add encoding: windows-1252 to collection '\($0)' in schema.yaml, or save the file as UTF-8" }
            ?? "save the file as UTF-8"
        return "byte \(ReaderBytes.hex(byte)) is not UTF-8, but the file reads as Windows-1252 ('\(sample)'), as a Swedish "
            + "Excel saves CSV; \(fix) (the rest of the file is not read until it is)"
    }
    private static let quote = ReaderBytes.quote
    private static let lineFeed = ReaderBytes.lineFeed
    private static let carriageReturn = ReaderBytes.carriageReturn

    let p: UnsafePointer<UInt8>
    let n: Int
    let file: String
    let dialect: CSVDialect
    /// The byte between cells (`dialect.delimiter`, kept apart for the inner loops).
    let delimiter: UInt8

    /// The next byte to read.
    var i = 0
    /// The line of byte `i` and the offset where that line starts.
    var line = 1
    var lineStart = 0
    /// A known column on the current line, so that columns are counted once per line.
    var anchorOffset = 0
    var anchorColumn = 1
    /// Every byte read so far on the current line is ASCII, so a column is a byte offset.
    var asciiLine = true

    var diagnostics: [Diagnostic] = []
    var headerPositions: [String: Position] = [:]
    /// Told, every few megabytes, the start of the row about to be read.
    var release: ((Int) -> Void)?
    private var released = 0
    private static let releaseStep = 4 << 20

    /// The cells of the row being read (the first `cellCount`; kept for reuse), and its first problem.
    var cells: [CSVCell] = []
    var cellCount = 0
    var rowError: Diagnostic?
    /// Set when `readRow` stopped at a quoted cell that the file never closes.
    var unterminated: Diagnostic?
    /// Set at the first byte that is not UTF-8 in a file meant to be UTF-8.
    var wrongEncoding = false

    init(p: UnsafePointer<UInt8>, n: Int, file: String, dialect: CSVDialect = CSVDialect()) {
        self.p = p
        self.n = n
        self.file = file
        self.dialect = dialect
        delimiter = dialect.delimiter
    }

    mutating func run<Sink: CSVSink>(into sink: inout Sink) {
        if ReaderBytes.hasUTF16BOM(p, count: n) {
            diagnostics.append(error(ReaderBytes.utf16Message, at: Position(line: 1, column: 1)))
            return
        }
        if ReaderBytes.hasUTF8BOM(p, count: n) {
            i = 3
            lineStart = 3
            asciiLine = true
            anchorOffset = 3
        }

        // The header row.
        skipBlankLines()
        guard i < n else {
            diagnostics.append(error(Self.emptyFileMessage, at: Position(line: 1, column: 1)))
            return
        }
        guard readRow() else {
            if let unterminated { diagnostics.append(unterminated) }
            return
        }
        if let rowError {
            // Without readable field names no row can be read.
            diagnostics.append(rowError)
            return
        }
        if cellCount == 1, let found = otherDelimiter(in: cells[0]) {
            diagnostics.append(error(Self.dialectMessage(found: found, declared: delimiter, collection: dialect.collection),
                                     at: cells[0].position))
            return
        }
        let width = cellCount
        var names: [String] = []
        var kept: [Int] = []
        var keptPositions: [Position] = []
        names.reserveCapacity(width)
        for (index, cell) in cells.prefix(cellCount).enumerated() {
            let name = cell.start == cell.end ? "" : cell.text(p)
            names.append(name)
            if name.isEmpty {
                diagnostics.append(error(Self.emptyNameMessage, at: cell.position))
            } else if headerPositions[name] != nil {
                diagnostics.append(error(Self.duplicateNameMessage(name), at: cell.position))
            } else {
                headerPositions[name] = cell.position
                kept.append(index)
                keptPositions.append(cell.position)
            }
        }
        sink.header(names: names, kept: kept, positions: keptPositions)

        // The data rows.
        while true {
            skipBlankLines()
            guard i < n else { return }
            if let release, i - released >= Self.releaseStep {
                // A row reads only its own bytes, its diagnostics only its own lines.
                release(i)
                released = i
            }
            let rowLine = line
            guard readRow() else {
                if let unterminated {
                    report(unterminated, reliable: cellCount, rest: true, line: rowLine, into: &sink)
                }
                return
            }
            if let rowError {
                report(rowError, reliable: reliableCells(before: rowError), rest: wrongEncoding, line: rowLine, into: &sink)
                // A file that is not UTF-8 is not read on: every later row would say so again.
                if wrongEncoding { return }
                continue
            }
            if cellCount != width {
                let position = cellCount > width ? cells[width].position : Position(line: rowLine, column: 1)
                report(error(Self.countMessage(cells: cellCount, fields: width, delimiter: delimiter), at: position),
                       reliable: nil, rest: false, line: rowLine, into: &sink)
                continue
            }
            sink.row(cells, line: rowLine, bytes: p)
        }
    }

    /// Reports a row that cannot be read, through the sink, which may word it better.
    private mutating func report<Sink: CSVSink>(_ diagnostic: Diagnostic, reliable: Int?, rest: Bool, line: Int,
                                                into sink: inout Sink) {
        var diagnostic = diagnostic
        sink.unread(cells, count: cellCount, reliable: reliable, rest: rest, line: line, bytes: p, diagnostic: &diagnostic)
        diagnostics.append(diagnostic)
    }

    /// How many of the row's cells start before the cell that holds the fault `diagnostic` names.
    private func reliableCells(before diagnostic: Diagnostic) -> Int {
        guard let location = diagnostic.location else { return 0 }
        let fault = Position(line: location.line, column: location.column)
        let started = cells.prefix(cellCount).count { $0.position <= fault }
        return max(0, started - 1)
    }

    /// The other delimiter a lone header cell holds, if it holds one and not the declared one.
    private func otherDelimiter(in cell: CSVCell) -> UInt8? {
        let bytes = cell.bytes(p)
        return FileFormat.delimiters.map(\.byte).first { $0 != delimiter && bytes.contains($0) }
    }

    /// Notes invalid UTF-8 at byte `bad`: in a file meant to be UTF-8, the first one names
    /// the encoding the file is likely in, and the file is read no further.
    private mutating func noteInvalidUTF8(at bad: Int, line: Int, lineStart: Int) {
        // Outside a load (no collection to name), each row is reported on its own.
        guard dialect.utf8, dialect.collection != nil, rowError == nil else {
            noteError(ReaderBytes.invalidUTF8Message(p[bad]), at: bad, line: line, lineStart: lineStart)
            return
        }
        // The word around the byte, as Windows-1252 would have it.
        var from = bad, to = bad
        let stops: Set<UInt8> = [delimiter, Self.quote, Self.lineFeed, Self.carriageReturn, 0x20]
        while from > lineStart, from > bad - 40, !stops.contains(p[from - 1]) { from -= 1 }
        while to < n, to < bad + 40, !stops.contains(p[to]) { to += 1 }
        let sample = SingleByteText.windows1252(UnsafeBufferPointer(start: p + from, count: to - from))
        wrongEncoding = true
        noteError(Self.encodingMessage(p[bad], sample: sample, collection: dialect.collection), at: bad, line: line,
                  lineStart: lineStart)
    }

    /// Skips completely empty lines (and a lone CR at the very end).
    private mutating func skipBlankLines() {
        while i < n {
            let c = p[i]
            if c == Self.lineFeed {
                i += 1
            } else if c == Self.carriageReturn && (i + 1 == n || p[i + 1] == Self.lineFeed) {
                i += i + 1 == n ? 1 : 2
            } else {
                return
            }
            line += 1
            lineStart = i
            asciiLine = true
        }
    }

    /// Reads one row into `cells`, noting its first problem in `rowError`, and moves past its line end.
    /// Returns false after an unterminated quoted cell: the rest of the file is not read.
    private mutating func readRow() -> Bool {
        cellCount = 0
        rowError = nil
        while true {
            let position = Position(line: line, column: column(at: i))
            if i < n && p[i] == Self.quote {
                let open = i
                let openLine = line
                let openLineStart = lineStart
                var j = i + 1
                var bits: UInt8 = 0
                var doubled = false
                while true {
                    guard j < n else {
                        if let rowError { diagnostics.append(rowError) }
                        unterminated = error(Self.unterminatedMessage, at: position)
                        return false
                    }
                    let c = p[j]
                    if c == Self.quote {
                        if j + 1 < n && p[j + 1] == Self.quote {
                            doubled = true
                            j += 2
                            continue
                        }
                        break
                    }
                    if c == Self.lineFeed {
                        line += 1
                        lineStart = j + 1
                        asciiLine = true
                    } else if c == 0 {
                        noteError(ReaderBytes.nulMessage, at: j, line: line, lineStart: lineStart)
                    }
                    bits |= c
                    j += 1
                }
                if bits & 0x80 != 0 { asciiLine = false }
                if bits & 0x80 != 0, let bad = ReaderBytes.firstInvalidUTF8(p, from: open + 1, to: j) {
                    noteInvalidUTF8(at: bad, line: openLine, lineStart: openLineStart)
                }
                addCell(CSVCell(start: open + 1, end: j, doubled: doubled, position: position))
                i = j + 1
                if !atCellEnd() {
                    noteError(Self.textAfterQuoteMessage, at: i, line: line, lineStart: lineStart)
                    i = scanUnquoted(from: i)
                }
            } else {
                let end = scanUnquoted(from: i)
                addCell(CSVCell(start: i, end: end, doubled: false, position: position))
                i = end
            }
            // At a delimiter, a line end or the end of the file.
            guard i < n else { return true }
            if p[i] == delimiter {
                i += 1
                continue
            }
            if p[i] == Self.carriageReturn { i += 1 }
            if i < n { i += 1 }  // the LF
            line += 1
            lineStart = i
            asciiLine = true
            return true
        }
    }

    @inline(__always)
    private mutating func addCell(_ cell: CSVCell) {
        if cellCount < cells.count { cells[cellCount] = cell } else { cells.append(cell) }
        cellCount += 1
    }

    /// True at a comma, a line end (LF, CRLF, or CR at the end of the file) or the end of the file.
    private func atCellEnd() -> Bool {
        guard i < n else { return true }
        let c = p[i]
        if c == delimiter || c == Self.lineFeed { return true }
        return c == Self.carriageReturn && (i + 1 == n || p[i + 1] == Self.lineFeed)
    }

    /// Scans an unquoted cell from `start`; returns the offset of the comma, line end or end of file after it.
    private mutating func scanUnquoted(from start: Int) -> Int {
        var j = start
        var bits: UInt8 = 0
        while j < n {
            let c = p[j]
            if c > Self.quote && c != delimiter {
                bits |= c
                j &+= 1
                continue
            }
            if c == delimiter || c == Self.lineFeed { break }
            if c == Self.carriageReturn {
                if j + 1 == n || p[j + 1] == Self.lineFeed { break }
            } else if c == Self.quote {
                noteError(Self.quoteInCellMessage, at: j, line: line, lineStart: lineStart)
            } else if c == 0 {
                noteError(ReaderBytes.nulMessage, at: j, line: line, lineStart: lineStart)
            }
            j &+= 1
        }
        if bits & 0x80 != 0 { asciiLine = false }
        if bits & 0x80 != 0, let bad = ReaderBytes.firstInvalidUTF8(p, from: start, to: j) {
            noteInvalidUTF8(at: bad, line: line, lineStart: lineStart)
        }
        return j
    }

    /// Notes the row's first problem at byte `offset` (on `line`, which starts at `lineStart`, or later).
    private mutating func noteError(_ message: String, at offset: Int, line: Int, lineStart: Int) {
        guard rowError == nil else { return }
        rowError = error(message, at: ReaderBytes.position(p, of: offset, line: line, lineStart: lineStart))
    }

    /// The column of byte `q` on the current line, counting forward from the last column asked for.
    private mutating func column(at q: Int) -> Int {
        if asciiLine { return 1 + q - lineStart }
        if anchorOffset < lineStart || anchorOffset > q {
            anchorOffset = lineStart
            anchorColumn = 1
        }
        let column = anchorColumn + ReaderBytes.scalarCount(p, from: anchorOffset, to: q)
        anchorOffset = q
        anchorColumn = column
        return column
    }

    private func error(_ message: String, at position: Position) -> Diagnostic {
        Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, position))
    }
}
