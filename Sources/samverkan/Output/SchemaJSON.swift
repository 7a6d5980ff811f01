import SamverkanCore

/// The JSON form of `samverkan schema`: collections in schema order with fields and counts,
/// members sorted by name, through the one JSON writer (``JSONValue``).
enum SchemaJSON {
    static func render(_ kb: KnowledgeBase) -> String {
        let collections: [JSONValue] = kb.collections.map { store in
            var entry: [String: JSONValue] = [
                "name": .string(store.name), "file": .string(store.file), "records": .integer(store.count),
                "single": .bool(store.schema.single),
                "fields": .array(store.schema.fields.map(field)),
                "relations": .array(store.schema.relations.map {
                    .sorted(["name": .string($0.name), "collection": .string($0.collection), "field": .string($0.field)])
                }),
            ]
            if let key = store.schema.key { entry["key"] = .string(key) }
            if let description = store.schema.description { entry["description"] = .string(description) }
            return .sorted(entry)
        }
        return JSONValue.sorted(["schema": .string(kb.schema.file), "collections": .array(collections)]).pretty()
    }

    private static func field(_ field: FieldSchema) -> JSONValue {
        var entry: [String: JSONValue] = [
            "name": .string(field.name), "required": .bool(field.required), "unique": .bool(field.unique),
        ]
        switch field.type {
        case .ref(let target): entry["type"] = .string("ref"); entry["collection"] = .string(target)
        case .list(let item):
            entry["type"] = .string("list")
            entry["items"] = .string(item.referencedCollection == nil ? item.description : "ref")
            if let target = item.referencedCollection { entry["collection"] = .string(target) }
        default: entry["type"] = .string(field.type.description)
        }
        for constraint in field.constraints { entry[constraint.kind.key] = constraint.argument.json }
        if let description = field.description { entry["description"] = .string(description) }
        return .sorted(entry)
    }
}
