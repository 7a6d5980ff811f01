import Foundation
import SamverkanCore

/// The text form of `samverkan schema`.
enum SchemaText {
    static func render(_ kb: KnowledgeBase, numbers: NumberFormat) -> String {
        var out = "\(kb.schema.file): \(kb.collections.count) collections, "
            + "\(numbers.number(Double(kb.recordCount))) records\n\n"
        let nameWidth = max(10, kb.collections.map(\.name.count).max() ?? 0)
        let counts = kb.collections.map { numbers.number(Double($0.count)) }
        let countWidth = max(7, counts.map(\.count).max() ?? 0)
        out += pad("COLLECTION", nameWidth) + "  " + pad("RECORDS", countWidth, right: true) + "  FILE\n"
        for (store, count) in zip(kb.collections, counts) {
            out += pad(store.name, nameWidth) + "  " + pad(count, countWidth, right: true) + "  " + store.file
                + (store.schema.single ? " (single)" : "") + "\n"
        }
        for store in kb.collections {
            let schema = store.schema
            let keyText = schema.key.map { "key \($0)" } ?? "single record"
            out += "\n\(schema.name) — \(keyText), \(numbers.number(Double(store.count))) \(store.count == 1 ? "record" : "records")\n"
            if let description = schema.description { out += "  \(description)\n" }
            let width = max(8, (schema.fields.map(\.name) + schema.relations.map(\.name)).map(\.count).max() ?? 0)
            for field in schema.fields {
                let constraints = describe(field, isKey: field.name == schema.key)
                out += "  " + pad(field.name, width) + "  " + pad(typeName(field.type), 16)
                    + (constraints.isEmpty ? "" : "  " + constraints)
                out = out.trimmingTrailingSpaces() + "\n"
            }
            for relation in schema.relations {
                out += "  " + pad(relation.name, width) + "  " + "relation: \(relation.collection) by \(relation.field)\n"
            }
        }
        return out
    }

    static func typeName(_ type: FieldType) -> String {
        switch type {
        case .ref(let target): "ref → \(target)"
        case .list(.ref(let target)): "list of refs → \(target)"
        case .list(let item): "list of \(item)"
        default: type.description
        }
    }

    static func describe(_ field: FieldSchema, isKey: Bool) -> String {
        var parts: [String] = []
        if isKey { parts.append("key") }
        if field.required { parts.append("required") }
        if field.unique && !isKey { parts.append("unique") }
        parts += field.constraints.map(\.description)
        return parts.joined(separator: ", ")
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - text.count))
        return right ? gap + text : text + gap
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
