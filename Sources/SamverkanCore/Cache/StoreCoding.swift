/// How the loaded store's parts are written to a snapshot and read back: each part's
/// arrays as they are in memory, so reading one back is a copy, not a parse.
extension CacheWriter {
    mutating func column(_ column: ColumnData) {
        u8(Self.kindCodes[column.kind] ?? 0)
        int(column.count)
        bool(column.wideIntegers)
        array(column.narrowIntegers)
        array(column.integers)
        array(column.numbers)
        array(column.booleans.map { $0 ? UInt8(1) : 0 })
        array(column.bytes)
        array(column.ends)
        array(column.refRows)
        list(column.values) { $0.value($1) }
        array(column.missing)
    }

    static let kindCodes: [FieldColumn.Kind: UInt8] = [.integer: 1, .number: 2, .boolean: 3, .text: 4, .date: 5, .ref: 6, .values: 7]

    mutating func value(_ value: Value) {
        switch value {
        case .missing: u8(0)
        case .string(let s): u8(1); string(s)
        case .integer(let i): u8(2); int(i)
        case .number(let d): u8(3); f64(d)
        case .boolean(let b): u8(4); bool(b)
        case .date(let s): u8(5); string(s)
        case .ref(let key, let row): u8(6); string(key); int(Int(row))
        case .list(let items): u8(7); list(items) { $0.value($1) }
        }
    }

    mutating func positions(_ column: PositionColumn) {
        array(column.narrow)
        optional(column.wide) { $0.array($1) }
        optional(column.lineOffsets) { $0.array($1) }
    }

    mutating func records(_ positions: RecordPositions) {
        array(positions.lines)
        optional(positions.columns) { $0.array($1) }
    }

    mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
        optional(location.sheet) { $0.string($1) }
    }

    mutating func diagnostic(_ d: Diagnostic) {
        bool(d.severity == .error)
        string(d.rule)
        string(d.message)
        optional(d.location) { $0.location($1) }
        optional(d.collection) { $0.string($1) }
        optional(d.key) { $0.string($1) }
        optional(d.field) { $0.string($1) }
        optional(d.origin) { $0.string($1) }
        optional(d.followsFrom) { $0.location($1) }
    }

    mutating func unreadRow(_ row: UnreadRow) {
        string(row.collection)
        optional(row.key) { $0.string($1) }
        location(row.location)
        list(row.references) { w, name in w.string(name.collection); w.string(name.key) }
        bool(row.rest)
    }
}

extension CacheReader {
    /// A column, checked so that no read of it can leave its arrays: as many values as
    /// rows for its kind, text ends that rise within the text, missing bits for its rows.
    mutating func column() throws(CacheCorrupt) -> ColumnData {
        let code = try u8()
        guard let kind = CacheWriter.kindCodes.first(where: { $0.value == code })?.key else { throw CacheCorrupt("a column has no kind") }
        let count = try int()
        let wide = try bool()
        let narrowIntegers = try array(of: Int32.self), integers = try array(of: Int.self)
        let numbers = try array(of: Double.self), booleanBytes = try array(of: UInt8.self)
        let bytes = try array(of: UInt8.self), ends = try array(of: UInt32.self), refRows = try array(of: Int32.self)
        let values = try list { r throws(CacheCorrupt) in try r.value() }
        let missing = try array(of: UInt64.self)
        guard booleanBytes.allSatisfy({ $0 <= 1 }) else { throw CacheCorrupt("a boolean is neither 0 nor 1") }
        let rows: Int
        switch kind {
        case .integer: rows = wide ? integers.count : narrowIntegers.count
        case .number: rows = numbers.count
        case .boolean: rows = booleanBytes.count
        case .text, .date: rows = ends.count
        case .ref: rows = refRows.count == ends.count ? ends.count : -1
        case .values: rows = values.count
        }
        guard rows == count, missing.count <= (count + 63) / 64 else { throw CacheCorrupt("a column's arrays do not match its rows") }
        var last: UInt32 = 0
        for end in ends {
            guard end >= last else { throw CacheCorrupt("a column's text ends do not rise") }
            last = end
        }
        guard Int(last) <= bytes.count else { throw CacheCorrupt("a column's text ends past its bytes") }
        return ColumnData(restoring: kind, count: count, narrowIntegers: narrowIntegers, integers: integers, wideIntegers: wide,
                          numbers: numbers, booleans: booleanBytes.map { $0 == 1 }, bytes: bytes, ends: ends,
                          refRows: refRows, values: values, missing: missing)
    }

    mutating func value() throws(CacheCorrupt) -> Value {
        switch try u8() {
        case 0: return .missing
        case 1: return .string(try string())
        case 2: return .integer(try int())
        case 3: return .number(try f64())
        case 4: return .boolean(try bool())
        case 5: return .date(try string())
        case 6: return .ref(key: try string(), row: try int32())
        case 7: return .list(try list { r throws(CacheCorrupt) in try r.value() })
        default: throw CacheCorrupt("a value has no type")
        }
    }

    /// Cell positions, as many as `rows`.
    mutating func positions(rows: Int) throws(CacheCorrupt) -> PositionColumn {
        let narrow = try array(of: UInt16.self)
        let wide = try optional { r throws(CacheCorrupt) in try r.array(of: Int32.self) }
        let offsets = try optional { r throws(CacheCorrupt) in try r.array(of: Int32.self) }
        guard (wide?.count ?? narrow.count) == rows, offsets.map({ $0.count == rows }) ?? true else {
            throw CacheCorrupt("cell positions do not match the rows")
        }
        return PositionColumn(restoring: narrow, wide: wide, lineOffsets: offsets)
    }

    mutating func records() throws(CacheCorrupt) -> RecordPositions {
        let lines = try array(of: Int32.self)
        let columns = try optional { r throws(CacheCorrupt) in try r.array(of: Int32.self) }
        guard columns.map({ $0.count == lines.count }) ?? true else { throw CacheCorrupt("record positions do not match") }
        return RecordPositions(restoring: lines, columns: columns)
    }

    mutating func location() throws(CacheCorrupt) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int(),
                       sheet: try optional { r throws(CacheCorrupt) in try r.string() })
    }

    mutating func diagnostic() throws(CacheCorrupt) -> Diagnostic {
        let severity: Severity = try bool() ? .error : .warning
        let rule = try string(), message = try string()
        let location = try optional { r throws(CacheCorrupt) in try r.location() }
        let collection = try optional { r throws(CacheCorrupt) in try r.string() }
        let key = try optional { r throws(CacheCorrupt) in try r.string() }
        let field = try optional { r throws(CacheCorrupt) in try r.string() }
        let origin = try optional { r throws(CacheCorrupt) in try r.string() }
        var diagnostic = Diagnostic(severity, rule: rule, message, at: location, collection: collection, key: key,
                                    field: field, origin: origin)
        diagnostic.followsFrom = try optional { r throws(CacheCorrupt) in try r.location() }
        return diagnostic
    }

    mutating func unreadRow() throws(CacheCorrupt) -> UnreadRow {
        let collection = try string()
        let key = try optional { r throws(CacheCorrupt) in try r.string() }
        let location = try location()
        let references = try list { r throws(CacheCorrupt) in RecordName(collection: try r.string(), key: try r.string()) }
        return UnreadRow(collection: collection, key: key, location: location, references: references, rest: try bool())
    }
}
