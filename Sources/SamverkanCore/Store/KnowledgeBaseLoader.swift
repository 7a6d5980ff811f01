import Foundation

/// Loads a data folder: `schema.yaml` and the files it names, into a ``KnowledgeBase``.
///
/// Loading never stops at the first problem: every file is read, every value checked,
/// and all diagnostics are returned with the knowledge base.
public enum KnowledgeBaseLoader {
    /// Loads the knowledge base in `directory`. Files are only read, never written.
    ///
    /// A collection named in `replacing` takes its records from that table instead of its
    /// file (`samverkan test`'s records written in a test; their diagnostics name the test).
    ///
    /// A collection named in `substituting` takes its records from that file instead of its
    /// own (`validate --file new.csv --as x`): `path` is read, `file` names it in diagnostics.
    ///
    /// With `cache`, a snapshot of an earlier load of the same files is used when there is
    /// one (``KnowledgeBaseCache``), and written when there is not. A load that replaces or
    /// substitutes a collection neither reads nor writes one.
    public static func load(directory: String, replacing: [String: (table: RawTable, file: String)] = [:],
                            substituting: [String: (path: String, file: String)] = [:],
                            cache: CacheSettings? = nil) -> KnowledgeBase {
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
        guard let cache, replacing.isEmpty, substituting.isEmpty else {
            return load(schema, schemaDiagnostics, directory: directory, display: display,
                        replacing: replacing, substituting: substituting)
        }
        let key = CacheKey(directory: directory, display: display, schemaBytes: schemaData, schema: schema, host: cache.host)
        let path = KnowledgeBaseCache.path(for: directory, display: display, in: cache)
        let (kept, why) = KnowledgeBaseCache.read(path, key: key, schema: schema, directory: directory)
        if let kept {
            cache.log?("cache: used \(path)")
            return kept
        }
        let kb = load(schema, schemaDiagnostics, directory: directory, display: display, replacing: [:], substituting: [:])
        if let failed = KnowledgeBaseCache.write(kb, key: key, to: path, settings: cache) {
            cache.log?("cache: not written, \(failed)")
        } else {
            cache.log?("cache: wrote \(path) (\(why))")
        }
        return kb
    }

    private static func load(_ schema: Schema, _ schemaDiagnostics: [Diagnostic], directory: String, display: DisplayPath,
                             replacing: [String: (table: RawTable, file: String)],
                             substituting: [String: (path: String, file: String)]) -> KnowledgeBase {
        var diagnostics = schemaDiagnostics
        var builders: [CollectionBuilder] = []
        var unreadable = Set<String>()
        for collection in schema.collections {
            if let given = replacing[collection.name] {
                var builder = CollectionBuilder(schema: collection, file: given.file, capacity: given.table.records.count)
                builder.add(given.table)
                diagnostics += given.table.diagnostics
                builders.append(builder)
                continue
            }
            if let given = substituting[collection.name] {
                var substitute = collection
                substitute.file = given.file
                let (builder, readDiagnostics) = build(substitute, path: given.path, file: given.file)
                diagnostics += readDiagnostics
                builders.append(builder)
                continue
            }
            let file = display.path(for: collection.file)
            if collection.format.refused {
                // Its schema error says how the file is written; reading it otherwise is noise.
                unreadable.insert(collection.name)
                builders.append(CollectionBuilder(schema: collection, file: file, capacity: 0))
                continue
            }
            guard let path = DataFolder.resolvedPath(of: collection.file, in: directory) else {
                // Not opened at all (the schema reports `..` and absolute paths itself).
                if !DataFolder.leavesAsWritten(collection.file) {
                    diagnostics.append(Diagnostic(.error, rule: "schema.parse",
                        "'\(collection.file)', the file of collection '\(collection.name)', leads outside the data folder "
                            + "(through a symlink) and is not read; put the file itself in the data folder",
                        at: collection.location, collection: collection.name))
                }
                unreadable.insert(collection.name)
                builders.append(CollectionBuilder(schema: collection, file: file, capacity: 0))
                continue
            }
            let (builder, readDiagnostics) = build(collection, path: path, file: file)
            diagnostics += readDiagnostics
            if builder.recordPositions.isEmpty && readDiagnostics.hasErrors { unreadable.insert(collection.name) }
            builders.append(builder)
        }
        for builder in builders { diagnostics += builder.diagnostics }
        let unreadRows = builders.flatMap(\.unreadRows)
        // Refs into a file that could not be read are not reported again, one by one; refs to
        // a row that could not be read follow from its error.
        // (The linker takes the only copy of the columns, so resolving refs copies nothing.)
        var linker = ReferenceLinker(builders: consume builders, unreadable: unreadable, unreadRows: unreadRows)
        let collections = linker.link()
        diagnostics += linker.diagnostics
        return KnowledgeBase(schema: schema, collections: collections, diagnostics: diagnostics.sortedByLocation(),
                             directory: directory, unreadable: unreadable, unreadRows: unreadRows)
    }

    /// Reads a collection's file into a builder; returns it and the reader's diagnostics.
    /// CSV rows go straight from the file's bytes into the columns (no records in between).
    private static func build(_ collection: CollectionSchema, path: String, file: String)
        -> (CollectionBuilder, [Diagnostic]) {
        if (collection.file as NSString).pathExtension.lowercased() == "csv" {
            // The file's pages go back as the rows are read: the columns, not the text, stay.
            if let contents = FileBytes(path: path) {
                return build(csv: contents.bytes, collection, display: file) { contents.release(upTo: $0) }
            }
            if let data = FileManager.default.contents(atPath: path) {
                return data.withUnsafeBytes { build(csv: $0, collection, display: file, release: nil) }
            }
        }
        let table = readTable(collection, path: path, file: file)
        var builder = CollectionBuilder(schema: collection, file: file, capacity: table.records.count)
        builder.sheet = table.sheet
        builder.add(table)
        return (builder, table.diagnostics)
    }

    private static func build(csv bytes: UnsafeRawBufferPointer, _ collection: CollectionSchema, display file: String,
                              release: ((Int) -> Void)?) -> (CollectionBuilder, [Diagnostic]) {
        let format = collection.format
        let dialect = CSVDialect(delimiter: format.delimiter, collection: collection.name, utf8: format.encoding == .utf8)
        guard format.encoding == .utf8 else {
            // One byte is one character in either single-byte encoding: the UTF-8 text has
            // the file's lines and columns.
            let (text, undefined) = SingleByteText.utf8(bytes, from: format.encoding)
            let (builder, read) = text.withUnsafeBytes { utf8 -> (CollectionBuilder, [Diagnostic]) in
                var builder = CollectionBuilder(schema: collection, file: file, capacity: lineCount(utf8), fileSize: utf8.count)
                let found = CSVReader.scan(utf8, file: file, into: &builder, dialect: dialect).diagnostics
                return (builder, found)
            }
            let diagnostics = read + undefined.map { position, byte in
                Diagnostic(.error, rule: "schema.parse",
                           "byte \(ReaderBytes.hex(byte)) is no character in \(format.encoding.rawValue); is the file in another "
                               + "encoding? (read as U+FFFD)", at: SourceLocation(file: file, position), collection: collection.name)
            }
            return (builder, diagnostics)
        }
        var builder = CollectionBuilder(schema: collection, file: file, capacity: lineCount(bytes), fileSize: bytes.count)
        let (diagnostics, _) = CSVReader.scan(bytes, file: file, into: &builder, release: release, dialect: dialect)
        return (builder, diagnostics)
    }

    /// The CSV path of a load on bytes in memory: rows straight into the typed columns of
    /// `collection`, with the reader's and the builder's diagnostics (refs are not linked).
    /// For the fuzz target, so that it reaches the code a real load runs, not only the parser.
    @_spi(Fuzzing)
    public static func buildCSV(_ bytes: UnsafeRawBufferPointer, _ collection: CollectionSchema, file: String)
        -> (records: Int, diagnostics: [Diagnostic]) {
        let (builder, diagnostics) = build(csv: bytes, collection, display: file, release: nil)
        return (builder.recordPositions.count, diagnostics + builder.diagnostics)
    }

    /// A workbook's bytes read as `collection`'s sheet, for the fuzz target.
    @_spi(Fuzzing)
    public static func readWorkbook(path: String, _ collection: CollectionSchema, file: String) -> RawTable {
        WorkbookReader.read(path: path, file: file, collection: collection)
    }

    /// The number of line feeds: at least the number of rows after the header.
    private static func lineCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard var p = bytes.baseAddress else { return 0 }
        let end = p + bytes.count
        var count = 0
        while p < end, let found = memchr(p, 0x0A, end - p) {
            count += 1
            p = UnsafeRawPointer(found) + 1
        }
        return count
    }

    private static func readTable(_ collection: CollectionSchema, path: String, file: String) -> RawTable {
        let ext = (collection.file as NSString).pathExtension.lowercased()
        if ext == "xlsx", FileManager.default.isReadableFile(atPath: path) {
            return WorkbookReader.read(path: path, file: file, collection: collection)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse",
                "cannot read '\(collection.file)', the file of collection '\(collection.name)'; "
                    + "create it or fix 'file' in schema.yaml",
                at: collection.location, collection: collection.name)])
        }
        switch ext {
        case "csv":
            return data.withUnsafeBytes { CSVReader.read($0, file: file) }
        case "json":
            return data.withUnsafeBytes { JSONReader.read($0, file: file) }
        default:
            guard let text = String(data: data, encoding: .utf8) else {
                return RawTable(diagnostics: [notUTF8Diagnostic(data, file: file)])
            }
            return YAMLRecordReader.read(text: text, file: file, single: collection.single)
        }
    }
}

/// How file paths appear in diagnostics: relative to the working folder when inside it.
public struct DisplayPath {
    let base: String

    /// A file path as diagnostics show it (`data/x.csv`, or absolute outside the working folder).
    public static func shown(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return DisplayPath(directory: url.deletingLastPathComponent().path).path(for: url.lastPathComponent)
    }

    public init(directory: String) {
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

    public func path(for file: String) -> String {
        base.isEmpty ? file : (base as NSString).appendingPathComponent(file)
    }
}
