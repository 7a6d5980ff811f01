/// Where each row's value of one field stands in its file. Most cells stand on their
/// record's line, so a cell keeps its column (two bytes while columns stay below 65535)
/// and, only once some cell does not, a line offset.
public struct PositionColumn: Sendable {
    /// The column of each cell while all fit; `narrowNone` when the field was absent.
    private(set) var narrow: [UInt16] = []
    /// The columns once one did not fit in `narrow`; `wideNone` when the field was absent.
    private(set) var wide: [Int32]?
    /// The cell's line minus its record's line; nil while all are 0.
    private(set) var lineOffsets: [Int32]?
    private static let narrowNone = UInt16.max
    private static let wideNone = Int32.min

    init(capacity: Int) {
        narrow.reserveCapacity(capacity)
    }

    /// A column as a snapshot kept it (``KnowledgeBaseCache``).
    init(restoring narrow: [UInt16], wide: [Int32]?, lineOffsets: [Int32]?) {
        self.narrow = narrow
        self.wide = wide
        self.lineOffsets = lineOffsets
    }

    private var count: Int { wide?.count ?? narrow.count }

    /// Where the value of `row` stands, given its record's line (line 0 when it has no position).
    public func position(_ row: Int, recordLine: Int32) -> Position {
        let column: Int32
        if let wide {
            column = wide[row]
            guard column != Self.wideNone else { return Position(line: 0, column: 0) }
        } else {
            let stored = narrow[row]
            guard stored != Self.narrowNone else { return Position(line: 0, column: 0) }
            column = Int32(stored)
        }
        let offset = lineOffsets?[row] ?? 0
        return Position(line: Int(recordLine &+ offset), column: Int(column))
    }

    /// Adds the position of the next row's value.
    @inline(__always)
    mutating func append(_ position: Position, recordLine: Int32) {
        let offset = position.line &- recordLine
        if offset != 0 || lineOffsets != nil { appendOffset(offset) }
        let column = position.column
        if wide == nil && column >= 0 && column < Int32(Self.narrowNone) {
            narrow.append(UInt16(truncatingIfNeeded: column))
        } else {
            appendWide(column == Self.wideNone ? Self.wideNone + 1 : column)
        }
    }

    /// Adds "no position" for the next row (the field was absent).
    mutating func appendNone() {
        if lineOffsets != nil { lineOffsets!.append(0) }
        if wide == nil { narrow.append(Self.narrowNone) } else { wide!.append(Self.wideNone) }
    }

    private mutating func appendOffset(_ offset: Int32) {
        if lineOffsets == nil { lineOffsets = Array(repeating: 0, count: count) }
        lineOffsets!.append(offset)
    }

    private mutating func appendWide(_ column: Int32) {
        if wide == nil {
            wide = narrow.map { $0 == Self.narrowNone ? Self.wideNone : Int32($0) }
            narrow = []
        }
        wide!.append(column)
    }
}

/// Where each record of a collection starts: its line, and its column only once some
/// record does not start in column 1 (a CSV row always does).
public struct RecordPositions: RandomAccessCollection, Sendable {
    private(set) var lines: [Int32] = []
    private(set) var columns: [Int32]?

    public init() {}

    /// Positions as a snapshot kept them (``KnowledgeBaseCache``).
    init(restoring lines: [Int32], columns: [Int32]?) {
        self.lines = lines
        self.columns = columns
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { lines.count }

    public subscript(row: Int) -> Position {
        Position(line: Int(lines[row]), column: Int(columns?[row] ?? 1))
    }

    /// The line of a record.
    @inline(__always)
    public func line(_ row: Int) -> Int32 { lines[row] }

    mutating func reserveCapacity(_ capacity: Int) { lines.reserveCapacity(capacity) }

    mutating func append(_ position: Position) {
        if position.column != 1 && columns == nil { columns = Array(repeating: 1, count: lines.count) }
        columns?.append(position.column)
        lines.append(position.line)
    }
}
