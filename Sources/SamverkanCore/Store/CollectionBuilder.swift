/// Turns the records of one file into typed columns, reporting every value that does
/// not fit its field (it never stops at the first).
///
/// Two ways in, with the same checks and messages: ``add(_:)`` takes the raw records of
/// the JSON and YAML readers; as a ``CSVSink`` it takes CSV rows straight from the file's
/// bytes, parsing integers, numbers, dates and booleans without making Strings (ENGINEERING §4).
struct CollectionBuilder {
    let schema: CollectionSchema
    let file: String
    /// The sheet its records come from, for a workbook.
    var sheet: String?
    var columns: [ColumnData]
    var cellPositions: [PositionColumn]
    var recordPositions = RecordPositions()
    var diagnostics: [Diagnostic] = []
    private let fieldIndex: [String: Int]
    private let checkers: [ConstraintChecker?]
    let types: [FieldType]
    private let kinds: [ColumnData.Kind]
    private let required: [Bool]
    /// The field index of the name last seen at each position: rows of one file repeat
    /// their names in the same order, so most look-ups are one string comparison.
    private var positionCache: [(name: String, field: Int?)] = []
    /// How each field's present values are checked against its constraints.
    private let checks: [Check]
    /// The fields that are required or constrained, in schema order (the others need no check).
    private let checkedFields: [Int]

    fileprivate enum Check {
        case none
        /// An integer or number field whose constraints all name the numbers that pass them
        /// (``FieldConstraintKind/passingRange``): compared as the value is added.
        case bounds(minimum: Double, maximum: Double)
        /// Anything else: the checker looks at every present value.
        case general
    }
    /// CSV: the cell index and field of each header column that names a field, and the fields no column names.
    private var csvFields: [(cell: Int, field: Int)] = []
    private var csvAbsent: [Int] = []
    /// CSV: the field each header cell names (nil for a name that is no field), and the header's width.
    private(set) var csvFieldOfCell: [Int?] = []
    /// The rows that could not be read (`unread`, in CollectionBuilder+Unread.swift).
    var unreadRows: [UnreadRow] = []
    /// Where the first number written with a decimal comma stands, in a collection whose
    /// schema does not say `decimal: ","`.
    private var firstDecimalComma: SourceLocation?
    /// The size of the CSV file being read (0 otherwise): text columns reserve room from it.
    private let fileSize: Int

    init(schema: CollectionSchema, file: String, capacity: Int, fileSize: Int = 0) {
        self.schema = schema
        self.file = file
        self.fileSize = fileSize
        types = schema.fields.map(\.type)
        kinds = types.map(ColumnData.kind(of:))
        columns = types.map { ColumnData(type: $0, capacity: capacity) }
        cellPositions = schema.fields.map { _ in PositionColumn(capacity: capacity) }
        recordPositions.reserveCapacity(capacity)
        fieldIndex = Dictionary(schema.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        required = schema.fields.map(\.required)
        let checkers = schema.fields.map { $0.constraints.isEmpty ? nil : ConstraintChecker(field: $0) }
        self.checkers = checkers
        let checks: [Check] = checkers.map { checker in
            guard let checker else { return .none }
            if checker.field.type.isNumeric, let bounds = checker.passingBounds {
                return .bounds(minimum: bounds.minimum, maximum: bounds.maximum)
            }
            return .general
        }
        self.checks = checks
        checkedFields = schema.fields.indices.filter { f in
            if case .none = checks[f] { return schema.fields[f].required }
            return true
        }
    }

    // MARK: - Raw records (JSON, YAML)

    /// Adds the records of a file, reporting unknown fields, type errors and constraint breaks.
    mutating func add(_ table: RawTable) {
        var reportedUnknown = Set<String>()
        for (name, position) in table.headerPositions where fieldIndex[name] == nil {
            reportedUnknown.insert(name)
            diagnostics.append(unknownField(name, at: position))
        }
        var values: [Value?] = Array(repeating: nil, count: columns.count)
        var positions: [Position?] = Array(repeating: nil, count: columns.count)
        for record in table.records {
            add(record, perRecord: table.headerPositions.isEmpty, values: &values, positions: &positions)
        }
    }

    private mutating func add(_ record: RawRecord, perRecord: Bool, values: inout [Value?], positions: inout [Position?]) {
        let row = recordPositions.count
        var flags = RowFlags()
        var failures: [(field: String, message: String, position: Position)] = []
        for (i, (name, raw)) in record.fields.enumerated() {
            let f: Int?
            if i < positionCache.count, positionCache[i].name == name {
                f = positionCache[i].field
            } else {
                f = fieldIndex[name]
                if i < positionCache.count { positionCache[i] = (name, f) } else if i == positionCache.count { positionCache.append((name, f)) }
            }
            guard let f else {
                let position = i < record.namePositions.count ? record.namePositions[i] : raw.position
                if perRecord { diagnostics.append(unknownField(name, at: position)) }
                continue
            }
            switch ValueConverter.convert(raw.content, to: types[f], field: name) {
            case .success(let value):
                values[f] = value
            case .failure(let error):
                failures.append((name, error.message, raw.position))
                flags.failed.insert(f)
            }
            positions[f] = raw.position
        }
        let recordLine = record.position.line
        recordPositions.append(record.position)
        for f in columns.indices {
            let value = values[f] ?? .missing
            flags.note(value, f, checks[f])
            columns[f].append(value)
            if let position = positions[f] {
                cellPositions[f].append(position, recordLine: recordLine)
            } else {
                cellPositions[f].appendNone()
            }
            values[f] = nil
            positions[f] = nil
        }
        for failure in failures {
            diagnostics.append(diagnostic("schema.type", failure.message, row: row, field: failure.field, at: failure.position))
        }
        checkRow(row, flags)
    }

    // MARK: - Checks

    /// Reports missing required values and broken constraints of a row, in schema order; clears the row's flags.
    private mutating func checkRow(_ row: Int, _ flags: RowFlags) {
        for f in checkedFields {
            if flags.missing.contains(f) {
                // A value that failed its type check was reported already.
                if required[f] && !flags.failed.contains(f) {
                    let field = schema.fields[f]
                    diagnostics.append(diagnostic("schema.required", "\(field.name) is required but missing",
                                                  row: row, field: field.name, at: location(row: row, field: f)))
                }
            } else if flags.check.contains(f), let checker = checkers[f],
                      let (rule, message) = checker.violation(of: columns[f][row]) {
                diagnostics.append(diagnostic(rule, message, row: row, field: checker.field.name,
                                              at: cellPosition(row: row, field: f)))
            }
        }
    }

    /// Where a row's value of a field stands (line 0 when the field was absent).
    func cellPosition(row: Int, field f: Int) -> Position {
        cellPositions[f].position(row, recordLine: recordPositions.line(row))
    }

    /// Where a row's value stands, else where its record starts.
    private func location(row: Int, field f: Int) -> Position {
        let position = cellPosition(row: row, field: f)
        return position.line > 0 ? position : recordPositions[row]
    }

    private func unknownField(_ name: String, at position: Position) -> Diagnostic {
        let hint = didYouMean(name, in: schema.fields.map(\.name))
            ?? "; add it to schema.yaml or remove it"
        return Diagnostic(.error, rule: "schema.unknown-field",
                          "'\(name)' is not a field of \(schema.name)\(hint)",
                          at: SourceLocation(file: file, position, sheet: sheet), collection: schema.name, field: name)
    }

    func diagnostic(_ rule: String, _ message: String, row: Int, field: String?, at position: Position) -> Diagnostic {
        let key = schema.keyIndex.map { columns[$0][row] }.flatMap { $0.isMissing ? nil : $0.text }
        return Diagnostic(.error, rule: rule, message, at: SourceLocation(file: file, position, sheet: sheet),
                          collection: schema.name, key: key, field: field)
    }
}

// MARK: - CSV rows, straight from the bytes

extension CollectionBuilder: CSVSink {
    mutating func header(names: [String], kept: [Int], positions: [Position]) {
        var named = Array(repeating: false, count: columns.count)
        csvFields = []
        csvFieldOfCell = Array(repeating: nil, count: names.count)
        for (k, cell) in kept.enumerated() {
            let name = names[cell]
            if let f = fieldIndex[name] {
                csvFields.append((cell, f))
                csvFieldOfCell[cell] = f
                named[f] = true
            } else {
                diagnostics.append(unknownField(name, at: positions[k]))
            }
        }
        csvAbsent = columns.indices.filter { !named[$0] }
    }

    mutating func row(_ cells: [CSVCell], line: Int, bytes p: UnsafePointer<UInt8>) {
        let row = recordPositions.count
        if row == 4096, let first = cells.first, first.start > 0 {
            // Text grows in proportion to the file read so far; 15% to spare. (A CSV
            // column's text is never longer than the file.)
            let scale = Double(fileSize) / Double(first.start) * 1.15
            for f in columns.indices { columns[f].reserveText(scale: scale, limit: fileSize) }
        }
        let recordLine = Int32(clamping: line)
        recordPositions.append(Position(line: line, column: 1))
        var flags = RowFlags()
        // Cells that are not plainly of their field's type, converted after the loop (rare).
        var slow: [(cell: Int, field: Int)] = []
        // Locals, so the loop below touches only the columns and positions it appends to.
        let fields = csvFields, kinds = kinds, checks = checks
        columns.withUnsafeMutableBufferPointer { columns in
            cellPositions.withUnsafeMutableBufferPointer { positions in
                for (c, f) in fields {
                    let cell = cells[c]
                    positions[f].append(cell.position, recordLine: recordLine)
                    if cell.start == cell.end {
                        columns[f].appendMissing()
                        flags.missing.insert(f)
                    } else if !Self.appendFast(cell, p, to: &columns[f], kinds[f], checks[f], field: f, &flags) {
                        slow.append((c, f))
                    }
                }
            }
        }
        var failures: [(field: Int, message: String, position: Position)] = []
        var decimalCommas: [Int] = []
        for (c, f) in slow {
            let cell = cells[c]
            var text = cell.text(p)
            let numeric = types[f].isNumeric
            if numeric, schema.format.decimalComma, let plain = DecimalComma.plain(text) { text = plain }
            switch ValueConverter.convert(.cell(text), to: types[f], field: schema.fields[f].name) {
            case .success(let value):
                columns[f].append(value)
                flags.note(value, f, checks[f])
            case .failure(let error):
                columns[f].appendMissing()
                flags.missing.insert(f)
                flags.failed.insert(f)
                if numeric, !schema.format.decimalComma, DecimalComma.isSwedish(text) {
                    decimalCommas.append(failures.count)
                    failures.append((f, DecimalComma.message(field: schema.fields[f].name, text: text, collection: schema.name),
                                     cell.position))
                    continue
                }
                failures.append((f, error.message, cell.position))
            }
        }
        for f in csvAbsent {
            columns[f].appendMissing()
            cellPositions[f].appendNone()
            flags.missing.insert(f)
        }
        for (i, failure) in failures.enumerated() {
            var found = diagnostic("schema.type", failure.message, row: row,
                                   field: schema.fields[failure.field].name, at: failure.position)
            // A decimal comma is said once, with the schema line that reads it; the other
            // cells like it follow from that one.
            if decimalCommas.contains(i) {
                if let first = firstDecimalComma {
                    found.followsFrom = first
                } else {
                    firstDecimalComma = found.location
                }
            }
            diagnostics.append(found)
        }
        checkRow(row, flags)
    }

    /// Appends a non-empty cell's value when it is plainly of the field's type; false when the
    /// cell needs the general conversion (which also words the error).
    @inline(__always)
    private static func appendFast(_ cell: CSVCell, _ p: UnsafePointer<UInt8>, to column: inout ColumnData,
                                   _ kind: ColumnData.Kind, _ check: Check, field f: Int, _ flags: inout RowFlags) -> Bool {
        let bytes = cell.bytes(p)
        switch kind {
        case .integer:
            guard let value = CellParsing.integer(bytes) else { return false }
            column.appendInteger(value)
            flags.note(number: Double(value), f, check)
        case .number:
            guard let value = CellParsing.number(bytes) else { return false }
            column.appendNumber(value)
            flags.note(number: value, f, check)
        case .text:
            guard column.appendText(bytes, doubledQuotes: cell.doubled) else { return false }
            flags.note(number: 0, f, check)
        case .ref:
            guard column.appendRef(bytes, doubledQuotes: cell.doubled) else { return false }
            flags.note(number: 0, f, check)
        case .date:
            guard !cell.doubled, CalendarDate.isValid(bytes), column.appendText(bytes) else { return false }
            flags.note(number: 0, f, check)
        case .boolean:
            guard let value = CellParsing.boolean(bytes) else { return false }
            column.appendBoolean(value)
            flags.note(number: 0, f, check)
        case .values:
            return false
        }
        return true
    }
}

/// What adding one row found per field: missing values, values that failed their type
/// (reported already), values the constraint checker must look at.
private struct RowFlags {
    var missing = FieldSet()
    var failed = FieldSet()
    var check = FieldSet()

    /// Notes a converted value: missing, or present and to be checked when its field has a check.
    mutating func note(_ value: Value, _ f: Int, _ check: CollectionBuilder.Check) {
        if value.isMissing {
            missing.insert(f)
        } else if case .none = check {
        } else {
            self.check.insert(f)
        }
    }

    /// Notes a present value: to be checked when out of its field's bounds, or always for a general check.
    @inline(__always)
    mutating func note(number: Double, _ f: Int, _ check: CollectionBuilder.Check) {
        switch check {
        case .none: break
        case .bounds(let minimum, let maximum): if !(number >= minimum && number <= maximum) { self.check.insert(f) }
        case .general: self.check.insert(f)
        }
    }
}

/// A set of field indexes: a bit mask for the first 64, a list for the rest.
private struct FieldSet {
    private var low: UInt64 = 0
    private var high: [Int] = []

    @inline(__always)
    mutating func insert(_ f: Int) {
        if f < 64 { low |= 1 << UInt64(f) } else { high.append(f) }
    }

    @inline(__always)
    func contains(_ f: Int) -> Bool {
        f < 64 ? low & (1 << UInt64(f)) != 0 : high.contains(f)
    }
}
