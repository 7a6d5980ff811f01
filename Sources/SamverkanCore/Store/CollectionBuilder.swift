/// Turns the raw records of one file into typed columns, reporting every value that does
/// not fit its field (it never stops at the first).
struct CollectionBuilder {
    let schema: CollectionSchema
    let file: String
    var columns: [[Value]]
    var cellPositions: [[Position]]
    var recordPositions: [Position] = []
    var diagnostics: [Diagnostic] = []
    private let fieldIndex: [String: Int]
    private let checkers: [ConstraintChecker?]
    private let types: [FieldType]
    private let required: [Bool]
    /// The field index of the name last seen at each position: rows of one file repeat
    /// their names in the same order, so most look-ups are one string comparison.
    private var positionCache: [(name: String, field: Int?)] = []

    init(schema: CollectionSchema, file: String, capacity: Int) {
        self.schema = schema
        self.file = file
        columns = Array(repeating: [], count: schema.fields.count)
        cellPositions = Array(repeating: [], count: schema.fields.count)
        for i in columns.indices {
            columns[i].reserveCapacity(capacity)
            cellPositions[i].reserveCapacity(capacity)
        }
        recordPositions.reserveCapacity(capacity)
        fieldIndex = Dictionary(schema.fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        types = schema.fields.map(\.type)
        required = schema.fields.map(\.required)
        checkers = schema.fields.map { field in
            let constrained = field.enumValues != nil || field.minimum != nil || field.maximum != nil
                || field.pattern != nil || field.minLength != nil || field.maxLength != nil
            return constrained ? ConstraintChecker(field: field) : nil
        }
    }

    /// Adds the records of a file, reporting unknown fields, type errors and constraint breaks.
    mutating func add(_ table: RawTable) {
        var reportedUnknown = Set<String>()
        for (name, position) in table.headerPositions where fieldIndex[name] == nil {
            reportedUnknown.insert(name)
            diagnostics.append(unknownField(name, at: position))
        }
        for record in table.records {
            add(record, reportedUnknown: &reportedUnknown, perRecord: table.headerPositions.isEmpty)
        }
    }

    private mutating func add(_ record: RawRecord, reportedUnknown: inout Set<String>, perRecord: Bool) {
        let row = recordPositions.count
        recordPositions.append(record.position)
        for f in columns.indices {
            columns[f].append(.missing)
            cellPositions[f].append(Position(line: 0, column: 0))
        }
        var failures: [(field: String, message: String, position: Position)] = []
        var failed = Set<Int>()
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
                columns[f][row] = value
            case .failure(let error):
                failures.append((name, error.message, raw.position))
                failed.insert(f)
            }
            cellPositions[f][row] = raw.position
        }
        for failure in failures {
            diagnostics.append(diagnostic("schema.type", failure.message, row: row, field: failure.field, at: failure.position))
        }
        checkRow(row, failed: failed)
    }

    private mutating func checkRow(_ row: Int, failed: Set<Int>) {
        for f in columns.indices {
            let value = columns[f][row]
            if value.isMissing {
                // A value that failed its type check was reported already.
                if required[f] && !failed.contains(f) {
                    let field = schema.fields[f]
                    let position = cellPositions[f][row].line > 0 ? cellPositions[f][row] : recordPositions[row]
                    diagnostics.append(diagnostic("schema.required", "\(field.name) is required but missing",
                                                  row: row, field: field.name, at: position))
                }
                continue
            }
            if let checker = checkers[f], let (rule, message) = checker.violation(of: value) {
                diagnostics.append(diagnostic(rule, message, row: row, field: checker.field.name, at: cellPositions[f][row]))
            }
        }
    }

    private func unknownField(_ name: String, at position: Position) -> Diagnostic {
        let hint = closestName(to: name, in: schema.fields.map(\.name)).map { " (did you mean '\($0)'?)" }
            ?? "; add it to schema.yaml or remove it"
        return Diagnostic(.error, rule: "schema.unknown-field",
                          "'\(name)' is not a field of \(schema.name)\(hint)",
                          at: SourceLocation(file: file, position), collection: schema.name, field: name)
    }

    func diagnostic(_ rule: String, _ message: String, row: Int, field: String?, at position: Position) -> Diagnostic {
        let key = schema.keyIndex.map { columns[$0][row] }.flatMap { $0.isMissing ? nil : $0.text }
        return Diagnostic(.error, rule: rule, message, at: SourceLocation(file: file, position),
                          collection: schema.name, key: key, field: field)
    }
}
