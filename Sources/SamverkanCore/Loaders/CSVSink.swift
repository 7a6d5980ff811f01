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
