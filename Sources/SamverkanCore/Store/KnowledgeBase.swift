/// The loaded knowledge base: the schema, its collections, and what loading found.
public final class KnowledgeBase: Sendable {
    public let schema: Schema
    public let collections: [CollectionStore]
    /// Every diagnostic from reading the schema and the data files.
    public let diagnostics: [Diagnostic]
    /// The data folder as given.
    public let directory: String

    init(schema: Schema, collections: [CollectionStore], diagnostics: [Diagnostic], directory: String) {
        self.schema = schema
        self.collections = collections
        self.diagnostics = diagnostics
        self.directory = directory
    }

    /// The collection with this name, if any.
    public func collection(_ name: String) -> CollectionStore? {
        collections.first { $0.name == name }
    }

    /// The number of records in all collections.
    public var recordCount: Int { collections.reduce(0) { $0 + $1.count } }
}
