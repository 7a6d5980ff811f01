/// A new file's records against the records already in a collection (`validate --file
/// new.csv --as x`): a key or unique value the collection holds already would clash when
/// the file is added.
public enum KeyClashes {
    /// One `schema.unique` error per clashing value of `candidate`, at its cell, naming the
    /// record of `existing` it clashes with.
    public static func find(_ candidate: CollectionStore, against existing: CollectionStore) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (f, field) in candidate.schema.fields.enumerated() where field.unique || f == candidate.schema.keyIndex {
            var taken: [String: Int] = [:]
            for row in 0..<existing.count {
                let value = existing.value(row: row, field: f)
                if !value.isMissing, taken[value.text] == nil { taken[value.text] = row }
            }
            for row in 0..<candidate.count {
                let value = candidate.value(row: row, field: f)
                guard !value.isMissing, let other = taken[value.text] else { continue }
                let location = existing.location(of: other)
                found.append(Diagnostic(.error, rule: "schema.unique",
                    "\(field.name) '\(value.text)' is already used by \(existing.label(of: other)) (\(location.file):\(location.line)); "
                        + "a record added to \(existing.name) needs a \(field.name) of its own",
                    at: candidate.location(of: row, field: f), collection: candidate.name,
                    key: candidate.key(of: row), field: field.name))
            }
        }
        return found
    }
}
