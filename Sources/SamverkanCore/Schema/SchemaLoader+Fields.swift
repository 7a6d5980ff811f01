import Foundation
import Yams

extension SchemaLoader {
    private static let fieldKeys = Set(["type", "items", "collection", "required", "unique", "description"]
        + FieldConstraintKind.keys)

    mutating func parseField(collection: String, nameNode: Node, body: Node) -> FieldSchema? {
        guard let name = nameNode.scalarText else { return nil }
        let here = SourceLocation(file: file, nameNode.position)
        if Schema.reservedFieldNames.contains(name) {
            report("field name '\(name)' in '\(collection)' is reserved (records have a '\(name)' method); "
                + "rename it", at: nameNode)
            return nil
        }
        guard case .mapping(let map) = body else {
            report("field '\(name)' of '\(collection)' must be a mapping like { type: string }", at: body)
            return nil
        }
        for (key, _) in map where !Self.fieldKeys.contains(key.scalarText ?? "") {
            let text = key.scalarText ?? "?"
            report("unknown key '\(text)' in field '\(name)' of '\(collection)'\(didYouMean(text, in: Self.fieldKeys) ?? ""); "
                + "expected one of \(Self.fieldKeys.sorted().joined(separator: ", "))", at: key)
        }
        guard let typeNode = map.get("type"), let typeName = typeNode.scalarText else {
            report("field '\(name)' of '\(collection)' needs a 'type' "
                + "(\(FieldType.allNames.joined(separator: ", ")))", at: nameNode)
            return nil
        }
        guard let type = parseType(typeName, typeNode: typeNode, map: map, field: name, collection: collection)
        else { return nil }
        var field = FieldSchema(name: name, type: type, location: here)
        field.required = map.get("required")?.bool ?? false
        field.unique = map.get("unique")?.bool ?? false
        field.description = map.get("description")?.scalarText
        parseConstraints(&field, map: map)
        return field
    }

    private mutating func parseType(
        _ typeName: String, typeNode: Node, map: Node.Mapping, field: String, collection: String
    ) -> FieldType? {
        if let scalar = FieldType.scalar(named: typeName) { return scalar }
        switch typeName {
        case "ref":
            guard let target = map.get("collection")?.scalarText else {
                report("ref field '\(field)' of '\(collection)' needs 'collection: <name>'", at: typeNode)
                return nil
            }
            return .ref(target)
        case "list":
            let itemName = map.get("items")?.scalarText ?? "string"
            if itemName == "ref" {
                guard let target = map.get("collection")?.scalarText else {
                    report("list of refs '\(field)' of '\(collection)' needs 'collection: <name>'", at: typeNode)
                    return nil
                }
                return .list(.ref(target))
            }
            guard let item = FieldType.scalar(named: itemName) else {
                report("unknown item type '\(itemName)' of list '\(field)' in '\(collection)' "
                    + "(expected \(FieldType.scalarNames.joined(separator: ", ")) or ref)",
                    at: map.get("items") ?? typeNode)
                return nil
            }
            return .list(item)
        default:
            let suggestion = didYouMean(typeName, in: FieldType.allNames) ?? ""
            report("unknown type '\(typeName)' of field '\(field)' in '\(collection)'\(suggestion); "
                + "expected one of \(FieldType.allNames.joined(separator: ", "))", at: typeNode)
            return nil
        }
    }

    /// Reads each constraint of ``FieldConstraintKind/all`` the field declares.
    private mutating func parseConstraints(_ field: inout FieldSchema, map: Node.Mapping) {
        for kind in FieldConstraintKind.all {
            guard let node = map.get(kind.key) else { continue }
            switch kind.parse(node) {
            case .failure(let problem):
                report("'\(kind.key)' of field '\(field.name)' \(problem.text)", at: node)
            case .success(let argument):
                guard kind.appliesTo(field.type) else {
                    report("'\(kind.key)' applies to \(kind.appliesToText), not to \(field.type) field '\(field.name)'",
                           at: node)
                    continue
                }
                field.constraints.append(FieldConstraint(kind: kind, argument: argument))
            }
        }
    }

    mutating func parseRelations(collection: String, node: Node, fields: [FieldSchema]) -> [RelationSchema] {
        guard case .mapping(let map) = node else {
            report("'relations' of '\(collection)' must be a mapping like { name: { collection: c, field: f } }", at: node)
            return []
        }
        var result: [RelationSchema] = []
        for (nameNode, body) in map {
            guard let name = nameNode.scalarText else { continue }
            if fields.contains(where: { $0.name == name }) || Schema.reservedFieldNames.contains(name) {
                report("relation '\(name)' of '\(collection)' has the name of a field or method; rename it", at: nameNode)
                continue
            }
            guard case .mapping(let rel) = body, let target = rel.get("collection")?.scalarText,
                  let field = rel.get("field")?.scalarText else {
                report("relation '\(name)' of '\(collection)' needs 'collection' and 'field'", at: nameNode)
                continue
            }
            result.append(RelationSchema(name: name, collection: target, field: field,
                                         location: SourceLocation(file: file, nameNode.position)))
        }
        return result
    }

    /// Checks what needs the whole schema: ref targets and relation fields.
    mutating func checkReferences(_ schema: inout Schema) {
        let names = schema.collections.map(\.name)
        for collection in schema.collections {
            for field in collection.fields {
                guard let target = field.type.referencedCollection else { continue }
                if let other = schema.collection(target) {
                    if other.single {
                        report(at: field.location, "field '\(field.name)' of '\(collection.name)' refers to "
                            + "'\(target)', a single collection without keys")
                    }
                } else {
                    let hint = didYouMean(target, in: names) ?? ""
                    report(at: field.location, "field '\(field.name)' of '\(collection.name)' refers to "
                        + "unknown collection '\(target)'\(hint)")
                }
            }
            for relation in collection.relations {
                guard let other = schema.collection(relation.collection) else {
                    report(at: relation.location, "relation '\(relation.name)' of '\(collection.name)' names "
                        + "unknown collection '\(relation.collection)'")
                    continue
                }
                guard let field = other.fields.first(where: { $0.name == relation.field }),
                      field.type.referencedCollection == collection.name else {
                    report(at: relation.location, "relation '\(relation.name)' of '\(collection.name)' needs "
                        + "'\(relation.field)' to be a ref to '\(collection.name)' in '\(relation.collection)'")
                    continue
                }
            }
        }
    }

    mutating func report(_ message: String, at node: Node) {
        report(at: SourceLocation(file: file, node.position), message)
    }

    mutating func report(at location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.error, rule: "schema.definition", message, at: location))
    }
}

extension Node.Mapping {
    func get(_ key: String) -> Node? {
        first { $0.key.scalarText == key }?.value
    }
}
