import Foundation
import SamverkanCore

/// The JSON form of `samverkan schema`: collections in schema order with fields and counts.
enum SchemaJSON {
    static func render(_ kb: KnowledgeBase) -> String {
        let collections: [[String: Any]] = kb.collections.map { store in
            var entry: [String: Any] = [
                "name": store.name, "file": store.file, "records": store.count, "single": store.schema.single,
                "fields": store.schema.fields.map(field),
                "relations": store.schema.relations.map { ["name": $0.name, "collection": $0.collection, "field": $0.field] },
            ]
            if let key = store.schema.key { entry["key"] = key }
            if let description = store.schema.description { entry["description"] = description }
            return entry
        }
        let document: [String: Any] = ["schema": kb.schema.file, "collections": collections]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func field(_ field: FieldSchema) -> [String: Any] {
        var entry: [String: Any] = ["name": field.name, "required": field.required, "unique": field.unique]
        switch field.type {
        case .ref(let target): entry["type"] = "ref"; entry["collection"] = target
        case .list(let item):
            entry["type"] = "list"
            entry["items"] = item.referencedCollection == nil ? item.description : "ref"
            if let target = item.referencedCollection { entry["collection"] = target }
        default: entry["type"] = field.type.description
        }
        if let values = field.enumValues { entry["enum"] = values }
        if let minimum = field.minimum { entry["minimum"] = minimum }
        if let maximum = field.maximum { entry["maximum"] = maximum }
        if let pattern = field.pattern { entry["pattern"] = pattern }
        if let n = field.minLength { entry["min_length"] = n }
        if let n = field.maxLength { entry["max_length"] = n }
        if let description = field.description { entry["description"] = description }
        return entry
    }
}
