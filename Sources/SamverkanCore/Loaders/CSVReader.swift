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

    static let quote = ReaderBytes.quote
    static let lineFeed = ReaderBytes.lineFeed
    static let carriageReturn = ReaderBytes.carriageReturn

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
    mutating func noteError(_ message: String, at offset: Int, line: Int, lineStart: Int) {
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
