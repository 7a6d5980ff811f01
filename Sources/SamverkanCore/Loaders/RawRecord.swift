/// A field value as a data file wrote it, before the schema gives it a type.
public enum RawContent: Sendable, Equatable {
    /// A CSV cell: untyped text; list fields split it on `;`.
    case cell(String)
    /// A plain (unquoted) YAML scalar: untyped text.
    case text(String)
    /// An explicit string: a JSON string or a quoted YAML scalar.
    case string(String)
    /// A JSON number, as its literal text.
    case number(String)
    /// A JSON boolean.
    case boolean(Bool)
    /// An explicit null (JSON `null`, YAML `~`/`null`) or an empty CSV cell: a missing value.
    case null
    /// A list (JSON array, YAML sequence).
    case list([RawValue])
    /// A nested object, which no field type accepts.
    case mapping
}

/// A raw value and where it stands in its file.
public struct RawValue: Sendable, Equatable {
    public var content: RawContent
    public var position: Position

    public init(_ content: RawContent, at position: Position) {
        self.content = content
        self.position = position
    }
}

/// One record as read from a data file: its position and its fields in file order.
public struct RawRecord: Sendable, Equatable {
    public var position: Position
    public var fields: [(name: String, value: RawValue)]
    /// Where each field's name stands (YAML and JSON keys), parallel to `fields`; may be empty.
    public var namePositions: [Position] = []

    public init(position: Position, fields: [(name: String, value: RawValue)]) {
        self.position = position
        self.fields = fields
    }

    public static func == (a: RawRecord, b: RawRecord) -> Bool {
        a.position == b.position && a.fields.count == b.fields.count
            && zip(a.fields, b.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }
}

/// What a reader made of one file: its records, and diagnostics for what it could not read.
///
/// A reader never stops at the first bad row: it reports it and goes on.
public struct RawTable: Sendable {
    public var records: [RawRecord]
    public var diagnostics: [Diagnostic]
    /// The position of each field name in a CSV header (for unknown-field diagnostics).
    public var headerPositions: [String: Position]
    /// The sheet the records come from, for a workbook (positions are its rows and columns).
    public var sheet: String?

    public init(records: [RawRecord] = [], diagnostics: [Diagnostic] = [], headerPositions: [String: Position] = [:],
                sheet: String? = nil) {
        self.records = records
        self.diagnostics = diagnostics
        self.headerPositions = headerPositions
        self.sheet = sheet
    }
}
