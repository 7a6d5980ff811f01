/// A record named by its collection and key, as a finding's subject names it.
public struct RecordName: Hashable, Sendable {
    public var collection: String
    public var key: String

    public init(collection: String, key: String) {
        self.collection = collection
        self.key = key
    }
}

/// A row of a data file that could not be read (a CSV row with too many cells, a stray
/// quote): it is not in the knowledge base, so what refers to it, and what is computed
/// over its collection, is not to be trusted until it is fixed.
///
/// What is known of it comes from the cells before its fault: its key, when the key's
/// cell came first, and the records its ref cells name.
public struct UnreadRow: Sendable, Equatable {
    /// The collection the row belongs to.
    public var collection: String
    /// The row's key, when its cell stood before the fault.
    public var key: String?
    /// Where the error that reports the row stands (the root of its follow-on findings).
    public var location: SourceLocation
    /// The records the row's readable ref cells name (`regions[12]` for Lund's row).
    public var references: [RecordName]
    /// The rows after it could not be read either (an unterminated quoted cell): every
    /// key of the collection after this row is unknown.
    public var rest: Bool

    public init(collection: String, key: String?, location: SourceLocation, references: [RecordName], rest: Bool = false) {
        self.rest = rest
        self.collection = collection
        self.key = key
        self.location = location
        self.references = references
    }
}
