/// The type of a field, as written in `schema.yaml`.
public indirect enum FieldType: Sendable, Equatable, CustomStringConvertible {
    case string
    case integer
    case number
    case boolean
    case date
    /// The key of a record in the named collection.
    case ref(String)
    /// A list whose items have the given (scalar or ref) type.
    case list(FieldType)

    /// The scalar type names a schema may use (`ref` and `list` take more).
    public static let scalarNames = ["string", "integer", "number", "boolean", "date"]
    /// Every type name a schema may use.
    public static let allNames = scalarNames + ["ref", "list"]

    /// The scalar type with this name, if any.
    public static func scalar(named name: String) -> FieldType? {
        switch name {
        case "string": .string
        case "integer": .integer
        case "number": .number
        case "boolean": .boolean
        case "date": .date
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .date: "date"
        case .ref(let target): "ref(\(target))"
        case .list(let item): "list(\(item))"
        }
    }

    /// The collection this type refers to, directly or through a list.
    public var referencedCollection: String? {
        switch self {
        case .ref(let target): target
        case .list(let item): item.referencedCollection
        default: nil
        }
    }
}
