/// A dotted path from a collection's records to a value: `population`, `region.name`,
/// `municipality.region.code`, or `#municipalities` (the size of a relation).
///
/// Compiled once against the schema, then resolved per row without string work.
public struct FieldPath: Sendable, CustomStringConvertible {
    enum Step: Sendable {
        /// Follow a ref field into `target`.
        case follow(field: Int, target: Int)
        /// Read a field.
        case read(field: Int)
        /// Count the rows of a relation.
        case count(relation: Int)
    }

    let steps: [Step]
    public let description: String
    /// The type of the value at the end of the path (`integer` for counts).
    public let type: FieldType

    /// Compiles `text` for records of `collection`, or explains what is wrong.
    public static func compile(_ text: String, from collection: CollectionStore, in kb: KnowledgeBase)
        -> Result<FieldPath, FieldPathError> {
        var counting = false
        var body = Substring(text)
        if body.hasPrefix("#") { counting = true; body = body.dropFirst() }
        let names = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !names.isEmpty, !names.contains(where: \.isEmpty) else {
            return .failure(FieldPathError("'\(text)' is not a field path (write field or ref.field)"))
        }
        var steps: [Step] = []
        var current = collection
        for (i, name) in names.enumerated() {
            let last = i == names.count - 1
            if last && counting {
                guard let r = current.schema.relations.firstIndex(where: { $0.name == name }) else {
                    return .failure(unknown(name, in: current, relations: true))
                }
                steps.append(.count(relation: r))
                return .success(FieldPath(steps: steps, description: text, type: .integer))
            }
            guard let f = current.schema.fieldIndex(name) else {
                if current.schema.relations.contains(where: { $0.name == name }) {
                    // A relation holds many records: only its count is one value.
                    let count = "#" + names[...i].joined(separator: ".")
                    return .failure(FieldPathError("'\(name)' is a relation of \(current.name), not a field; '\(count)' gives its count"))
                }
                return .failure(unknown(name, in: current, relations: false))
            }
            let type = current.schema.fields[f].type
            if last {
                steps.append(.read(field: f))
                return .success(FieldPath(steps: steps, description: text, type: type))
            }
            guard case .ref(let targetName) = type, let target = kb.collection(targetName) else {
                return .failure(FieldPathError("'\(name)' in '\(text)' is not a ref, so '.\(names[i + 1])' cannot follow it"))
            }
            steps.append(.follow(field: f, target: target.id))
            current = target
        }
        return .failure(FieldPathError("'\(text)' is not a field path"))
    }

    private static func unknown(_ name: String, in collection: CollectionStore, relations: Bool) -> FieldPathError {
        let candidates = relations ? collection.schema.relations.map(\.name) : collection.schema.fields.map(\.name)
        let hint = didYouMean(name, in: candidates) ?? ""
        let what = relations ? "relation" : "field"
        return FieldPathError("\(collection.name) has no \(what) '\(name)'\(hint)")
    }

    /// The value at the end of the path for a row; missing when a ref on the way is missing or broken.
    public func resolve(row: Int, in collection: CollectionStore, kb: KnowledgeBase) -> Value {
        var store = collection
        var row = row
        for step in steps {
            switch step {
            case .read(let field):
                return store.columns[field][row]
            case .count(let relation):
                return .integer(store.relationRows[relation][row].count)
            case .follow(let field, let target):
                let column = store.columns[field]
                let next: Int32
                if column.kind == .ref {
                    next = column.isMissing(row) ? -1 : column.refRow(row)
                } else if case .ref(_, let r) = column[row] {
                    next = r
                } else {
                    return .missing
                }
                guard next >= 0 else { return .missing }
                store = kb.collections[target]
                row = Int(next)
            }
        }
        return .missing
    }

    /// The collection the path ends in, for refs: where a ref value's row points.
    public func targetCollection(in kb: KnowledgeBase) -> CollectionStore? {
        guard let name = type.referencedCollection else { return nil }
        return kb.collection(name)
    }
}

/// Why a field path does not fit the schema.
public struct FieldPathError: Error, Sendable {
    public let message: String
    init(_ message: String) { self.message = message }
}
