import Yams

/// Reads a YAML data file: a sequence of mappings, or one mapping for a `single` collection.
public enum YAMLRecordReader {
    /// The most values one file may expand to; guards against alias bombs ("billion laughs").
    static let valueBudget = 5_000_000
    /// The most bytes of text one file may expand to, at least: an alias copies its anchor's
    /// text into the columns each time, so one 2 MB string and 999 aliases would be 2 GB.
    /// A file may always expand to 8 times its own size.
    static let byteBudget = 64 << 20

    /// Reads `text`; `single` expects one mapping instead of a sequence.
    public static func read(text: String, file: String, single: Bool) -> RawTable {
        var table = RawTable()
        let (root, problems, read) = YAMLDuplicateKeys.composeLocated(text, file: file)
        table.diagnostics += problems
        guard read else { return table }
        guard let root else {
            // As in CSV and JSON: an empty file is more often a failed save than no records.
            table.diagnostics.append(Diagnostic(.error, rule: "schema.parse",
                single ? "the file is empty; a single collection needs one mapping of fields"
                    : "the file is empty; a YAML data file needs a list of mappings (write [] for none)",
                at: SourceLocation(file: file, line: 1, column: 1)))
            return table
        }
        var budget = Budget(values: valueBudget, bytes: max(byteBudget, text.utf8.count * 8))
        switch root {
        case .mapping(let mapping) where single:
            table.records.append(record(mapping, at: root.position, budget: &budget))
        case .sequence(let items) where !single:
            for (index, item) in items.enumerated() {
                guard case .mapping(let mapping) = item else {
                    table.diagnostics.append(Diagnostic(.error, rule: "schema.parse",
                        "item \(index + 1) is \(item.kindName), not a mapping of fields",
                        at: SourceLocation(file: file, item.position)))
                    continue
                }
                table.records.append(record(mapping, at: item.position, budget: &budget))
            }
        default:
            let expected = single ? "one mapping of fields (this collection is single)" : "a list of mappings, one per record"
            table.diagnostics.append(Diagnostic(.error, rule: "schema.parse",
                "the file must hold \(expected), found \(root.kindName)",
                at: SourceLocation(file: file, root.position)))
        }
        if budget.values < 0 {
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse",
                "the file expands to more than \(valueBudget) values (nested aliases?); it was not loaded",
                at: SourceLocation(file: file, root.position))])
        }
        if budget.bytes < 0 {
            let megabytes = max(byteBudget, text.utf8.count * 8) >> 20
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse",
                "the file expands to more than \(megabytes) MB of text (aliases of a long value?); it was not loaded",
                at: SourceLocation(file: file, root.position))])
        }
        return table
    }

    private static func record(_ mapping: Node.Mapping, at position: Position, budget: inout Budget) -> RawRecord {
        var fields: [(name: String, value: RawValue)] = []
        var names: [Position] = []
        for (key, value) in mapping {
            guard let name = key.scalarText else { continue }
            fields.append((name, raw(value, budget: &budget)))
            names.append(key.position)
        }
        var record = RawRecord(position: position, fields: fields)
        record.namePositions = names
        return record
    }

    private static func raw(_ node: Node, budget: inout Budget) -> RawValue {
        budget.values -= 1
        guard !budget.spent else { return RawValue(.null, at: node.position) }
        switch node {
        case .scalar(let scalar):
            budget.bytes -= scalar.string.utf8.count
            guard !budget.spent else { return RawValue(.null, at: node.position) }
            if scalar.style != .plain { return RawValue(.string(scalar.string), at: node.position) }
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return RawValue(.null, at: node.position)
            default: return RawValue(.text(scalar.string), at: node.position)
            }
        case .sequence(let items):
            var values: [RawValue] = []
            for item in items {
                guard !budget.spent else { break }
                values.append(raw(item, budget: &budget))
            }
            return RawValue(.list(values), at: node.position)
        case .mapping, .alias:
            return RawValue(.mapping, at: node.position)
        }
    }

    /// What a file may still expand to: values and bytes of text.
    struct Budget {
        var values: Int
        var bytes: Int

        var spent: Bool { values < 0 || bytes < 0 }
    }
}
