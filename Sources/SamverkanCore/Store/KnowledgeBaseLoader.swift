import Foundation

/// Loads a data folder: `schema.yaml` and the files it names, into a ``KnowledgeBase``.
///
/// Loading never stops at the first problem: every file is read, every value checked,
/// and all diagnostics are returned with the knowledge base.
public enum KnowledgeBaseLoader {
    /// Loads the knowledge base in `directory`. Files are only read, never written.
    public static func load(directory: String) -> KnowledgeBase {
        let display = DisplayPath(directory: directory)
        let schemaPath = (directory as NSString).appendingPathComponent("schema.yaml")
        let schemaFile = display.path(for: "schema.yaml")
        let schemaData = FileManager.default.contents(atPath: schemaPath)
        guard let schemaData, let schemaText = String(data: schemaData, encoding: .utf8) else {
            let diagnostic = schemaData.map { notUTF8Diagnostic($0, file: schemaFile) } ?? Diagnostic(.error, rule: "schema.parse",
                "cannot read schema.yaml in '\(directory)'; a data folder needs a schema.yaml (see docs/data.md)",
                at: SourceLocation(file: schemaFile, line: 1, column: 1))
            return KnowledgeBase(schema: Schema(collections: [], file: schemaFile), collections: [],
                                 diagnostics: [diagnostic], directory: directory)
        }
        let (schema, schemaDiagnostics) = SchemaLoader.load(text: schemaText, file: schemaFile)
        var diagnostics = schemaDiagnostics
        var builders: [CollectionBuilder] = []
        var unreadable = Set<String>()
        for collection in schema.collections {
            let file = display.path(for: collection.file)
            let table = readTable(collection, directory: directory, file: file)
            var builder = CollectionBuilder(schema: collection, file: file, capacity: table.records.count)
            diagnostics += table.diagnostics
            if table.records.isEmpty && table.diagnostics.hasErrors { unreadable.insert(collection.name) }
            builder.add(table)
            builders.append(builder)
        }
        // Refs into a file that could not be read are not reported again, one by one.
        var linker = ReferenceLinker(builders: builders, unreadable: unreadable)
        let collections = linker.link()
        for builder in builders { diagnostics += builder.diagnostics }
        diagnostics += linker.diagnostics
        return KnowledgeBase(schema: schema, collections: collections,
                             diagnostics: diagnostics.sortedByLocation(), directory: directory)
    }

    private static func readTable(_ collection: CollectionSchema, directory: String, file: String) -> RawTable {
        let path = (directory as NSString).appendingPathComponent(collection.file)
        guard let data = FileManager.default.contents(atPath: path) else {
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse",
                "cannot read '\(collection.file)', the file of collection '\(collection.name)'; "
                    + "create it or fix 'file' in schema.yaml",
                at: collection.location, collection: collection.name)])
        }
        switch (collection.file as NSString).pathExtension.lowercased() {
        case "csv":
            return CSVReader.read([UInt8](data), file: file)
        case "json":
            return JSONReader.read([UInt8](data), file: file)
        default:
            guard let text = String(data: data, encoding: .utf8) else {
                return RawTable(diagnostics: [notUTF8Diagnostic(data, file: file)])
            }
            return YAMLRecordReader.read(text: text, file: file, single: collection.single)
        }
    }
}

/// How file paths appear in diagnostics: relative to the working folder when inside it.
struct DisplayPath {
    let base: String

    init(directory: String) {
        let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
        let cwd = FileManager.default.currentDirectoryPath
        if absolute == cwd {
            base = ""
        } else if absolute.hasPrefix(cwd.hasSuffix("/") ? cwd : cwd + "/") {
            base = String(absolute.dropFirst(cwd.count + (cwd.hasSuffix("/") ? 0 : 1)))
        } else {
            base = absolute
        }
    }

    func path(for file: String) -> String {
        base.isEmpty ? file : (base as NSString).appendingPathComponent(file)
    }
}
