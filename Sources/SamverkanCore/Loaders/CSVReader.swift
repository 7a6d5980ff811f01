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
public enum CSVReader {
    public static func read(_ bytes: [UInt8], file: String) -> RawTable {
        bytes.withUnsafeBufferPointer { read(UnsafeRawBufferPointer($0), file: file) }
    }

    /// Reads the bytes in place, e.g. `data.withUnsafeBytes { CSVReader.read($0, file: name) }`.
    public static func read(_ bytes: UnsafeRawBufferPointer, file: String) -> RawTable {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse", CSVParser.emptyFileMessage,
                                                     at: SourceLocation(file: file, line: 1, column: 1))])
        }
        var parser = CSVParser(p: base.assumingMemoryBound(to: UInt8.self), n: bytes.count, file: file)
        parser.run()
        return RawTable(records: parser.records, diagnostics: parser.diagnostics,
                        headerPositions: parser.headerPositions)
    }
}

/// The state of one CSV read. Works on the raw bytes; Strings are made only for cells.
struct CSVParser {
    /// One cell of the current row: its content bytes `p[start..<end]` (inside the quotes for a quoted cell).
    struct Cell {
        var start: Int
        var end: Int
        /// The content holds doubled quotes (`""`) that stand for one quote.
        var doubled: Bool
        var position: Position
    }

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

    static func countMessage(cells: Int, fields: Int) -> String {
        let cellWord = cells == 1 ? "cell" : "cells"
        let fieldWord = fields == 1 ? "field" : "fields"
        let advice = cells > fields ? "quote cells that contain commas" : "add empty cells (,,) for missing values"
        return "row has \(cells) \(cellWord) but the header has \(fields) \(fieldWord); \(advice)"
    }

    private static let comma: UInt8 = 0x2C
    private static let quote = ReaderBytes.quote
    private static let lineFeed = ReaderBytes.lineFeed
    private static let carriageReturn = ReaderBytes.carriageReturn

    let p: UnsafePointer<UInt8>
    let n: Int
    let file: String

    /// The next byte to read.
    var i = 0
    /// The line of byte `i` and the offset where that line starts.
    var line = 1
    var lineStart = 0
    /// A known column on the current line, so that columns are counted once per line.
    var anchorOffset = 0
    var anchorColumn = 1

    var records: [RawRecord] = []
    var diagnostics: [Diagnostic] = []
    var headerPositions: [String: Position] = [:]

    /// The cells of the row being read, and its first problem.
    var cells: [Cell] = []
    var rowError: Diagnostic?
    var scratch: [UInt8] = []

    init(p: UnsafePointer<UInt8>, n: Int, file: String) {
        self.p = p
        self.n = n
        self.file = file
    }

    mutating func run() {
        if ReaderBytes.hasUTF16BOM(p, count: n) {
            diagnostics.append(error(ReaderBytes.utf16Message, at: Position(line: 1, column: 1)))
            return
        }
        if ReaderBytes.hasUTF8BOM(p, count: n) {
            i = 3
            lineStart = 3
            anchorOffset = 3
        }

        // The header row.
        skipBlankLines()
        guard i < n else {
            diagnostics.append(error(Self.emptyFileMessage, at: Position(line: 1, column: 1)))
            return
        }
        guard readRow() else { return }
        if let rowError {
            // Without readable field names no row can be read.
            diagnostics.append(rowError)
            return
        }
        let width = cells.count
        var names: [String] = []
        var kept: [Int] = []
        names.reserveCapacity(width)
        for (index, cell) in cells.enumerated() {
            let name: String
            if case .cell(let text) = content(cell) { name = text } else { name = "" }
            names.append(name)
            if name.isEmpty {
                diagnostics.append(error(Self.emptyNameMessage, at: cell.position))
            } else if headerPositions[name] != nil {
                diagnostics.append(error(Self.duplicateNameMessage(name), at: cell.position))
            } else {
                headerPositions[name] = cell.position
                kept.append(index)
            }
        }

        // The data rows.
        while true {
            skipBlankLines()
            guard i < n else { return }
            let rowLine = line
            guard readRow() else { return }
            if let rowError {
                diagnostics.append(rowError)
                continue
            }
            if cells.count != width {
                let position = cells.count > width ? cells[width].position : Position(line: rowLine, column: 1)
                diagnostics.append(error(Self.countMessage(cells: cells.count, fields: width), at: position))
                continue
            }
            var fields: [(name: String, value: RawValue)] = []
            fields.reserveCapacity(kept.count)
            for index in kept {
                let cell = cells[index]
                fields.append((names[index], RawValue(content(cell), at: cell.position)))
            }
            records.append(RawRecord(position: Position(line: rowLine, column: 1), fields: fields))
        }
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
        }
    }

    /// Reads one row into `cells`, noting its first problem in `rowError`, and moves past its line end.
    /// Returns false after an unterminated quoted cell: the rest of the file is not read.
    private mutating func readRow() -> Bool {
        cells.removeAll(keepingCapacity: true)
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
                        diagnostics.append(error(Self.unterminatedMessage, at: position))
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
                    } else if c == 0 {
                        noteError(ReaderBytes.nulMessage, at: j, line: line, lineStart: lineStart)
                    }
                    bits |= c
                    j += 1
                }
                if bits & 0x80 != 0, let bad = ReaderBytes.firstInvalidUTF8(p, from: open + 1, to: j) {
                    noteError(ReaderBytes.invalidUTF8Message(p[bad]), at: bad, line: openLine, lineStart: openLineStart)
                }
                cells.append(Cell(start: open + 1, end: j, doubled: doubled, position: position))
                i = j + 1
                if !atCellEnd() {
                    noteError(Self.textAfterQuoteMessage, at: i, line: line, lineStart: lineStart)
                    i = scanUnquoted(from: i)
                }
            } else {
                let end = scanUnquoted(from: i)
                cells.append(Cell(start: i, end: end, doubled: false, position: position))
                i = end
            }
            // At a comma, a line end or the end of the file.
            guard i < n else { return true }
            if p[i] == Self.comma {
                i += 1
                continue
            }
            if p[i] == Self.carriageReturn { i += 1 }
            if i < n { i += 1 }  // the LF
            line += 1
            lineStart = i
            return true
        }
    }

    /// True at a comma, a line end (LF, CRLF, or CR at the end of the file) or the end of the file.
    private func atCellEnd() -> Bool {
        guard i < n else { return true }
        let c = p[i]
        if c == Self.comma || c == Self.lineFeed { return true }
        return c == Self.carriageReturn && (i + 1 == n || p[i + 1] == Self.lineFeed)
    }

    /// Scans an unquoted cell from `start`; returns the offset of the comma, line end or end of file after it.
    private mutating func scanUnquoted(from start: Int) -> Int {
        var j = start
        var bits: UInt8 = 0
        while j < n {
            let c = p[j]
            if c > Self.quote && c != Self.comma {
                bits |= c
                j &+= 1
                continue
            }
            if c == Self.comma || c == Self.lineFeed { break }
            if c == Self.carriageReturn {
                if j + 1 == n || p[j + 1] == Self.lineFeed { break }
            } else if c == Self.quote {
                noteError(Self.quoteInCellMessage, at: j, line: line, lineStart: lineStart)
            } else if c == 0 {
                noteError(ReaderBytes.nulMessage, at: j, line: line, lineStart: lineStart)
            }
            j &+= 1
        }
        if bits & 0x80 != 0, let bad = ReaderBytes.firstInvalidUTF8(p, from: start, to: j) {
            noteError(ReaderBytes.invalidUTF8Message(p[bad]), at: bad, line: line, lineStart: lineStart)
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
        if anchorOffset < lineStart || anchorOffset > q {
            anchorOffset = lineStart
            anchorColumn = 1
        }
        let column = anchorColumn + ReaderBytes.scalarCount(p, from: anchorOffset, to: q)
        anchorOffset = q
        anchorColumn = column
        return column
    }

    /// A cell's value: `.null` when empty, else its text with doubled quotes undone.
    private mutating func content(_ cell: Cell) -> RawContent {
        if cell.start == cell.end { return .null }
        if !cell.doubled {
            return .cell(String(decoding: UnsafeBufferPointer(start: p + cell.start, count: cell.end - cell.start),
                                as: UTF8.self))
        }
        scratch.removeAll(keepingCapacity: true)
        var k = cell.start
        while k < cell.end {
            let c = p[k]
            scratch.append(c)
            k += c == Self.quote ? 2 : 1
        }
        return .cell(String(decoding: scratch, as: UTF8.self))
    }

    private func error(_ message: String, at position: Position) -> Diagnostic {
        Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, position))
    }
}
