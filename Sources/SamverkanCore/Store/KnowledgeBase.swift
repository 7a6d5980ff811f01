/// The loaded knowledge base: the schema, its collections, and what loading found.
public final class KnowledgeBase: Sendable {
    public let schema: Schema
    public let collections: [CollectionStore]
    /// Every diagnostic from reading the schema and the data files.
    public let diagnostics: [Diagnostic]
    /// The data folder as given.
    public let directory: String
    /// The collections whose file could not be read at all (missing, or a syntax error):
    /// they are empty here, so what is said about them, or across all data, is unreliable.
    public let unreadable: Set<String>
    /// The rows that could not be read, in file order (their errors are in `diagnostics`).
    public let unreadRows: [UnreadRow]

    init(schema: Schema, collections: [CollectionStore], diagnostics: [Diagnostic], directory: String,
         unreadable: Set<String> = [], unreadRows: [UnreadRow] = []) {
        self.unreadRows = unreadRows
        self.schema = schema
        self.collections = collections
        self.diagnostics = diagnostics
        self.directory = directory
        self.unreadable = unreadable
    }

    /// The collection with this name, if any.
    public func collection(_ name: String) -> CollectionStore? {
        collections.first { $0.name == name }
    }

    /// The number of records in all collections.
    public var recordCount: Int { collections.reduce(0) { $0 + $1.count } }
}
