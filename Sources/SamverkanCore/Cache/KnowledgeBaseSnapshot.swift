/// What a snapshot holds of a knowledge base: every diagnostic of the load, the files and
/// rows that could not be read, and each collection's columns and positions. The schema is
/// not in it (it is read again, and its bytes are part of the key); key indexes and the
/// inverse relations are derived again from the columns, as loading derives them.
enum KnowledgeBaseSnapshot {
    static func estimatedSize(_ kb: KnowledgeBase) -> Int {
        kb.collections.reduce(4096) { total, collection in
            total + collection.count * (collection.columns.count * 11 + 8)
                + collection.columns.reduce(0) { $0 + $1.data.bytes.count }
        }
    }

    static func encode(_ kb: KnowledgeBase, into w: inout CacheWriter) {
        w.list(kb.diagnostics) { $0.diagnostic($1) }
        w.list(kb.unreadable.sorted()) { $0.string($1) }
        w.list(kb.unreadRows) { $0.unreadRow($1) }
        w.int(kb.collections.count)
        for collection in kb.collections {
            w.string(collection.name)
            w.string(collection.file)
            w.optional(collection.sheet) { $0.string($1) }
            w.records(collection.recordPositions)
            w.int(collection.columns.count)
            for column in collection.columns { w.column(column.data) }
            for positions in collection.cellPositions { w.positions(positions) }
        }
    }

    /// The knowledge base in a snapshot, checked against `schema` so that nothing in it can
    /// point outside its arrays. `progress` is told how far reading has come.
    static func decode(_ r: inout CacheReader, schema: Schema, directory: String,
                       progress: (Int) -> Void) throws(CacheCorrupt) -> KnowledgeBase {
        let diagnostics = try r.list { r throws(CacheCorrupt) in try r.diagnostic() }
        let unreadable = Set(try r.list { r throws(CacheCorrupt) in try r.string() })
        let unreadRows = try r.list { r throws(CacheCorrupt) in try r.unreadRow() }
        guard try r.int() == schema.collections.count else { throw CacheCorrupt("it holds other collections") }
        var builders: [CollectionBuilder] = []
        for collection in schema.collections {
            guard try r.string() == collection.name else { throw CacheCorrupt("it holds other collections") }
            var builder = CollectionBuilder(schema: collection, file: try r.string(), capacity: 0)
            builder.sheet = try r.optional { r throws(CacheCorrupt) in try r.string() }
            builder.recordPositions = try r.records()
            let rows = builder.recordPositions.count
            guard try r.int() == collection.fields.count else { throw CacheCorrupt("it holds other fields") }
            var columns: [ColumnData] = []
            for field in collection.fields {
                let column = try r.column()
                guard column.count == rows, column.kind == ColumnData.kind(of: field.type) || column.kind == .values else {
                    throw CacheCorrupt("a column of \(collection.name) does not fit its field")
                }
                columns.append(column)
                progress(r.offset)
            }
            builder.columns = columns
            builder.cellPositions = try collection.fields.map { _ throws(CacheCorrupt) in try r.positions(rows: rows) }
            builders.append(builder)
        }
        try checkRefs(builders, schema: schema)
        let linker = ReferenceLinker(builders: consume builders, unreadable: unreadable, unreadRows: unreadRows)
        return KnowledgeBase(schema: schema, collections: linker.restored(), diagnostics: diagnostics,
                             directory: directory, unreadable: unreadable, unreadRows: unreadRows)
    }

    /// Every resolved ref names a row of its target (or -1): the Lua bridge indexes by them.
    private static func checkRefs(_ builders: [CollectionBuilder], schema: Schema) throws(CacheCorrupt) {
        let counts = Dictionary(builders.map { ($0.schema.name, $0.recordPositions.count) }, uniquingKeysWith: { a, _ in a })
        for builder in builders {
            for (f, field) in builder.schema.fields.enumerated() {
                let limit = field.type.referencedCollection.flatMap { counts[$0] } ?? 0
                let column = builder.columns[f]
                func fits(_ value: Value) -> Bool {
                    switch value {
                    case .ref(_, let row): row >= -1 && Int(row) < limit
                    case .list(let items): items.allSatisfy(fits)
                    default: true
                    }
                }
                switch column.kind {
                case .ref:
                    guard column.refRows.allSatisfy({ $0 >= -1 && Int($0) < limit }) else { throw CacheCorrupt("a ref leads past its target") }
                case .values:
                    guard column.values.allSatisfy(fits) else { throw CacheCorrupt("a ref leads past its target") }
                default: break
                }
            }
        }
    }
}
