/// The records of one collection, stored column-wise.
///
/// Row `r` of the collection is `columns[f][r]` for each field `f`; positions are kept
/// per cell so every diagnostic can point at the value it is about.
public final class CollectionStore: Sendable {
    /// The collection's index in the knowledge base (schema order).
    public let id: Int
    public let schema: CollectionSchema
    /// The data file as diagnostics show it (`data/municipalities.csv`).
    public let file: String
    /// The sheet of a workbook the records come from; nil for text files.
    public let sheet: String?
    /// One column per field, in schema order; each holds one value per row (`columns[f][row]`).
    public let columns: [FieldColumn]
    /// One per field: where each row's value stands (see ``position(row:field:)``).
    public let cellPositions: [PositionColumn]
    /// Where each record starts.
    public let recordPositions: RecordPositions
    /// Row of each key (the first row when a key is duplicated).
    public let keyRows: KeyIndex
    /// One array per relation of the schema: for each row, the rows of the related collection.
    public let relationRows: [[[Int32]]]

    init(id: Int, schema: CollectionSchema, file: String, sheet: String? = nil, columns: [FieldColumn],
         cellPositions: [PositionColumn], recordPositions: RecordPositions, keyRows: KeyIndex, relationRows: [[[Int32]]]) {
        self.id = id
        self.schema = schema
        self.file = file
        self.sheet = sheet
        self.columns = columns
        self.cellPositions = cellPositions
        self.recordPositions = recordPositions
        self.keyRows = keyRows
        self.relationRows = relationRows
    }

    public var name: String { schema.name }
    public var count: Int { recordPositions.count }

    /// The key of a row as text (`1280`), or nil for single collections.
    public func key(of row: Int) -> String? {
        guard let keyIndex = schema.keyIndex else { return nil }
        return columns[keyIndex][row].text
    }

    /// `municipalities[1280]`, or the collection name for a single record.
    public func label(of row: Int) -> String {
        guard let key = key(of: row) else { return name }
        return "\(name)[\(key)]"
    }

    /// The value of a field in a row.
    public func value(row: Int, field: Int) -> Value { columns[field][row] }

    /// Where a record starts.
    public func location(of row: Int) -> SourceLocation {
        SourceLocation(file: file, recordPositions[row], sheet: sheet)
    }

    /// Where a row's value of a field stands (line 0 when the record has no such field).
    public func position(row: Int, field: Int) -> Position {
        cellPositions[field].position(row, recordLine: recordPositions.line(row))
    }

    /// Where a field's value stands, else where its record starts.
    public func location(of row: Int, field: Int) -> SourceLocation {
        let position = position(row: row, field: field)
        return position.line > 0 ? SourceLocation(file: file, position, sheet: sheet) : location(of: row)
    }

    /// The row with this key, if any.
    public func row(forKey key: String) -> Int? {
        keyRows.row(for: key).map(Int.init)
    }
}
