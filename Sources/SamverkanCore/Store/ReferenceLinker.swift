/// Checks uniqueness, resolves refs to rows and builds the inverse relations, once every
/// collection has been read.
struct ReferenceLinker {
    private var builders: [CollectionBuilder]
    private let unreadable: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    /// Per collection, the keys of its rows that could not be read, with where each was reported.
    private let unreadKeys: [String: [String: SourceLocation]]
    /// Per collection, where reading stopped, when its rows after some point could not be read.
    private let unreadRest: [String: SourceLocation]

    init(builders: [CollectionBuilder], unreadable: Set<String>, unreadRows: [UnreadRow] = []) {
        self.builders = builders
        self.unreadable = unreadable
        var keys: [String: [String: SourceLocation]] = [:]
        var rest: [String: SourceLocation] = [:]
        for row in unreadRows {
            if let key = row.key, keys[row.collection]?[key] == nil { keys[row.collection, default: [:]][key] = row.location }
            if row.rest, rest[row.collection] == nil { rest[row.collection] = row.location }
        }
        unreadKeys = keys
        unreadRest = rest
    }

    /// The error a broken ref to `key` in `collection` follows from, if its row could not be read.
    private func unreadCause(of key: String, in collection: String) -> SourceLocation? {
        unreadKeys[collection]?[key] ?? unreadRest[collection]
    }

    mutating func link() -> [CollectionStore] {
        let keyRows = builders.indices.map { indexKeys(of: $0) }
        for b in builders.indices { checkUnique(b) }
        let byName = Dictionary(builders.enumerated().map { ($1.schema.name, $0) }, uniquingKeysWith: { a, _ in a })
        for b in builders.indices { resolveRefs(b, keyRows: keyRows, byName: byName) }
        return stores(keyRows: keyRows, byName: byName)
    }

    /// The stores of collections whose refs were resolved and checked by an earlier load (a
    /// snapshot, ``KnowledgeBaseCache``): their key indexes and inverse relations are derived
    /// again; what checking found is in the snapshot's diagnostics.
    consuming func restored() -> [CollectionStore] {
        let keyRows = builders.indices.map { indexKeys(of: $0) }
        let byName = Dictionary(builders.enumerated().map { ($1.schema.name, $0) }, uniquingKeysWith: { a, _ in a })
        return stores(keyRows: keyRows, byName: byName)
    }

    private func stores(keyRows: [KeyIndex], byName: [String: Int]) -> [CollectionStore] {
        builders.indices.map { b in
            let builder = builders[b]
            return CollectionStore(
                id: b, schema: builder.schema, file: builder.file, sheet: builder.sheet, columns: builder.columns.map(FieldColumn.init),
                cellPositions: builder.cellPositions, recordPositions: builder.recordPositions,
                keyRows: keyRows[b], relationRows: relations(of: b, byName: byName))
        }
    }

    /// The first row of each key; duplicate keys are reported here (one pass for both).
    private mutating func indexKeys(of b: Int) -> KeyIndex {
        guard let keyField = builders[b].schema.keyIndex else { return KeyIndex() }
        return index(b, field: keyField)
    }

    /// Checks the unique fields other than the key (the key was checked while indexing).
    private mutating func checkUnique(_ b: Int) {
        let keyField = builders[b].schema.keyIndex
        for (f, field) in builders[b].schema.fields.enumerated() where field.unique && f != keyField {
            _ = index(b, field: f)
        }
    }

    /// Indexes a field's values, reporting each value that repeats an earlier one.
    private mutating func index(_ b: Int, field f: Int) -> KeyIndex {
        let builder = builders[b]
        // Strictly increasing integers cannot repeat, and need no hash table.
        if builder.columns[f].strictlyIncreasing { return KeyIndex(sorted: builder.columns[f]) }
        let name = builder.schema.fields[f].name
        let column = builder.columns[f]
        var index = KeyIndex(capacity: builder.recordPositions.count)
        for row in 0..<column.count where !column.isMissing(row) {
            let value = column[row]
            if let earlier = index.insert(value, row: Int32(row)) {
                let line = builder.recordPositions[Int(earlier)].line
                diagnostics.append(builder.diagnostic("schema.unique",
                    "duplicate \(name) '\(value.text)' (first used on line \(line))",
                    row: row, field: name, at: builder.cellPosition(row: row, field: f)))
            }
        }
        return index
    }

    private mutating func resolveRefs(_ b: Int, keyRows: [KeyIndex], byName: [String: Int]) {
        let schema = builders[b].schema
        for (f, field) in schema.fields.enumerated() {
            guard let targetName = field.type.referencedCollection, let target = byName[targetName] else { continue }
            let targetKeys = keyRows[target]
            // A ref column is resolved in place from its keys' bytes; only the rows whose key
            // names nothing go the long way below, for their diagnostics.
            let rows: [Int]
            if builders[b].columns[f].kind == .ref {
                rows = Self.resolveInPlace(&builders[b].columns[f], in: targetKeys)
            } else {
                rows = (0..<builders[b].columns[f].count).filter { !builders[b].columns[f].isMissing($0) }
            }
            for row in rows {
                let value = builders[b].columns[f][row]
                let resolved = resolve(value, in: targetKeys)
                switch (builders[b].columns[f].kind, resolved.value) {
                case (.ref, .ref(_, let targetRow)): builders[b].columns[f].setRefRow(row, targetRow)
                case (.values, _): builders[b].columns[f].setStoredValue(row, resolved.value)
                default: break
                }
                for key in resolved.broken where !unreadable.contains(targetName) {
                    let cause = unreadCause(of: key, in: targetName)
                    let hint = cause != nil ? ": its row could not be read"
                        : didYouMean(key, in: targetKeys.sampleKeys) ?? ""
                    var diagnostic = builders[b].diagnostic("schema.ref",
                        "\(field.name) '\(key)' does not exist in \(targetName)\(hint)",
                        row: row, field: field.name, at: builders[b].cellPosition(row: row, field: f))
                    diagnostic.followsFrom = cause
                    diagnostics.append(diagnostic)
                }
            }
        }
    }

    /// Sets the target row of every row of a `ref` column whose key is in `keys`, each
    /// distinct key resolved once (``RefKeyMemo``); returns the rows whose key is not.
    private static func resolveInPlace(_ column: inout ColumnData, in keys: KeyIndex) -> [Int] {
        var memo = RefKeyMemo()
        var unresolved: [Int] = []
        for row in 0..<column.count where !column.isMissing(row) {
            let found = column.withUTF8(row) { bytes -> Int32 in
                if let known = memo.row(for: bytes) { return known }
                let resolved = keys.row(for: String(decoding: bytes, as: UTF8.self)) ?? -1
                memo.insert(bytes, row: resolved)
                return resolved
            }
            if found >= 0 { column.setRefRow(row, found) } else { unresolved.append(row) }
        }
        return unresolved
    }

    private func resolve(_ value: Value, in keys: KeyIndex) -> (value: Value, broken: [String]) {
        switch value {
        case .ref(let key, _):
            if let row = keys.row(for: key) { return (.ref(key: key, row: row), []) }
            return (.ref(key: key, row: -1), [key])
        case .list(let items):
            var broken: [String] = []
            let resolved = items.map { item -> Value in
                let r = resolve(item, in: keys)
                broken += r.broken
                return r.value
            }
            return (.list(resolved), broken)
        default:
            return (value, [])
        }
    }

    /// For each relation of collection b: per row of b, the rows of the other collection that refer to it.
    private func relations(of b: Int, byName: [String: Int]) -> [[[Int32]]] {
        let count = builders[b].recordPositions.count
        return builders[b].schema.relations.map { relation in
            var rows = Array(repeating: [Int32](), count: count)
            guard let other = byName[relation.collection],
                  let f = builders[other].schema.fieldIndex(relation.field) else { return rows }
            let column = builders[other].columns[f]
            for otherRow in 0..<column.count where !column.isMissing(otherRow) {
                if column.kind == .ref {
                    let target = column.refRow(otherRow)
                    if target >= 0 && Int(target) < count { rows[Int(target)].append(Int32(otherRow)) }
                    continue
                }
                for target in Self.refRows(column[otherRow]) where target >= 0 && Int(target) < count {
                    rows[Int(target)].append(Int32(otherRow))
                }
            }
            return rows
        }
    }

    private static func refRows(_ value: Value) -> [Int32] {
        switch value {
        case .ref(_, let row): [row]
        case .list(let items): items.flatMap(refRows)
        default: []
        }
    }
}
