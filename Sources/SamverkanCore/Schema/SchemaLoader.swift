import Foundation
import Yams

/// Reads `schema.yaml` into a ``Schema``, checking the schema itself.
///
/// Every problem becomes a `schema.definition` (or `schema.parse`) diagnostic at
/// `schema.yaml:LINE:COL`; collections that are sound are still returned.
public struct SchemaLoader {
    let file: String
    var diagnostics: [Diagnostic] = []

    /// Parses the schema text; `file` is the path diagnostics show.
    public static func load(text: String, file: String) -> (Schema, [Diagnostic]) {
        var loader = SchemaLoader(file: file)
        let collections = loader.parse(text)
        var schema = Schema(collections: collections, file: file)
        loader.checkReferences(&schema)
        return (schema, loader.diagnostics)
    }

    private init(file: String) { self.file = file }


    private mutating func parse(_ text: String) -> [CollectionSchema] {
        let (root, problems, read) = YAMLDuplicateKeys.composeLocated(text, file: file)
        diagnostics += problems
        guard read else { return [] }
        guard let root, case .mapping(let top) = root else {
            diagnostics.append(Diagnostic(.error, rule: "schema.definition",
                "the schema must be a mapping with a 'collections' key",
                at: SourceLocation(file: file, line: 1, column: 1)))
            return []
        }
        for (key, _) in top where key.scalarText != "collections" {
            report("unknown top-level key '\(key.scalarText ?? "?")' (expected 'collections')", at: key)
        }
        guard let collectionsNode = top.get("collections"), case .mapping(let entries) = collectionsNode else {
            report("the schema has no 'collections' mapping", at: root)
            return []
        }
        var result: [CollectionSchema] = []
        for (nameNode, body) in entries {
            guard let name = nameNode.scalarText else { continue }
            if let collection = parseCollection(name: name, nameNode: nameNode, body: body) {
                result.append(collection)
            }
        }
        return result
    }

    private static let collectionKeys = Set(["file", "key", "single", "fields", "relations", "description"]
        + csvFormatKeys + workbookFormatKeys)
    private static let dataExtensions: Set<String> = ["yaml", "yml", "csv", "json", "xlsx"]

    private mutating func parseCollection(name: String, nameNode: Node, body: Node) -> CollectionSchema? {
        guard case .mapping(let map) = body else {
            report("collection '\(name)' must be a mapping with 'file' and 'fields'", at: body)
            return nil
        }
        for (key, _) in map where !Self.collectionKeys.contains(key.scalarText ?? "") {
            let text = key.scalarText ?? "?"
            report("unknown key '\(text)' in collection '\(name)'\(didYouMean(text, in: Self.collectionKeys) ?? ""); "
                + "expected one of \(Self.collectionKeys.sorted().joined(separator: ", "))", at: key)
        }
        guard let fileNode = map.get("file"), let path = fileNode.scalarText, !path.isEmpty else {
            report("collection '\(name)' needs a 'file' (e.g. file: \(name).yaml)", at: nameNode)
            return nil
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if !Self.dataExtensions.contains(ext) {
            report("file '\(path)' of collection '\(name)' must end in .yaml, .yml, .csv, .json or .xlsx", at: fileNode)
        }
        if DataFolder.leavesAsWritten(path) {
            report("file '\(path)' of collection '\(name)' must be inside the data folder", at: fileNode)
        }
        let single = map.get("single")?.bool ?? false
        var fields: [FieldSchema] = []
        var declared = Set<String>()   // also the fields whose definition was refused
        if let fieldsNode = map.get("fields"), case .mapping(let fieldMap) = fieldsNode {
            for (fieldName, fieldBody) in fieldMap {
                if let text = fieldName.scalarText { declared.insert(text) }
                if let field = parseField(collection: name, nameNode: fieldName, body: fieldBody) {
                    fields.append(field)
                }
            }
        } else {
            report("collection '\(name)' needs a 'fields' mapping", at: nameNode)
        }
        let key = map.get("key")?.scalarText
        // A key whose field is declared but was refused (a bad type, …) has its error already.
        if let key, !declared.contains(key), let keyNode = map.get("key") {
            report("key '\(key)' of collection '\(name)' is not one of its fields", at: keyNode)
        }
        if key == nil && !single {
            report("collection '\(name)' needs a 'key' field (or 'single: true')", at: nameNode)
        }
        var relations: [RelationSchema] = []
        if let relNode = map.get("relations") {
            relations = parseRelations(collection: name, node: relNode, fields: fields)
        }
        var collection = CollectionSchema(
            name: name, file: path, key: single ? nil : key, single: single,
            description: map.get("description")?.scalarText, fields: fields, relations: relations,
            location: SourceLocation(file: file, nameNode.position))
        if let keyIndex = collection.keyIndex {
            collection.fields[keyIndex].unique = true
        }
        collection.format = parseFormat(collection: name, extension: ext, map: map)
        return collection
    }
}
