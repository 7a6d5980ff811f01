/// One field of a collection with its constraints.
public struct FieldSchema: Sendable {
    public var name: String
    public var type: FieldType
    public var required = false
    public var unique = false
    /// Its value constraints, in the order of ``FieldConstraintKind/all``.
    public var constraints: [FieldConstraint] = []
    public var description: String?
    /// Where the field is declared in `schema.yaml`.
    public var location: SourceLocation

    public init(name: String, type: FieldType, location: SourceLocation) {
        self.name = name
        self.type = type
        self.location = location
    }
}

/// An inverse relation: the records of `collection` whose `field` refers to this record.
public struct RelationSchema: Sendable {
    public var name: String
    public var collection: String
    public var field: String
    public var location: SourceLocation
}

/// One collection of the knowledge base.
public struct CollectionSchema: Sendable {
    public var name: String
    /// The data file, relative to the data folder.
    public var file: String
    /// The primary key field; nil for `single` collections.
    public var key: String?
    public var single = false
    public var description: String?
    public var fields: [FieldSchema]
    public var relations: [RelationSchema]
    public var location: SourceLocation
    /// The CSV dialect or the workbook's sheet (FileFormat.swift); the defaults otherwise.
    public var format = FileFormat()

    /// The index of the named field, if declared.
    public func fieldIndex(_ name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }

    /// The index of the key field, if any.
    public var keyIndex: Int? { key.flatMap(fieldIndex) }
}

/// The whole schema: collections in the order `schema.yaml` lists them.
public struct Schema: Sendable {
    public var collections: [CollectionSchema]
    /// The path of `schema.yaml` as diagnostics show it.
    public var file: String

    public init(collections: [CollectionSchema], file: String) {
        self.collections = collections
        self.file = file
    }

    /// The collection with this name, if any.
    public func collection(_ name: String) -> CollectionSchema? {
        collections.first { $0.name == name }
    }

    /// Field names that are record methods in Lua and so cannot name fields.
    public static let reservedFieldNames: Set<String> = ["key", "location", "fields"]
}
