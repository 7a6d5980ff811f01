import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// `samverkan query COLLECTION|FILTER` — records that match, as a table.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "List the records of a collection, or of a filter plugin, as a table.",
        discussion: """
            --where takes a Lua expression with the record's fields as plain names:
              samverkan query population --where 'year == 2024 and population > 100000' \\
                --sort -population --columns municipality.name,population
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A collection (e.g. municipalities) or a filter plugin.")
    var name: String

    @Option(name: .customLong("where"), help: ArgumentHelp("A Lua expression that keeps a record when true.", valueName: "EXPR"))
    var condition: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Sort keys, comma-separated; - for descending.", valueName: "[-]FIELD[,…]"))
    var sort: String?

    // Unconditional, so that `--limit -1` reaches validate() and is answered there, not
    // taken for an option and reported as a missing value.
    @Option(parsing: .unconditional, help: "At most this many records.")
    var limit: Int?

    @Option(help: ArgumentHelp("Columns: field paths like name,region.name or #relation.", valueName: "a,b.c"))
    var columns: String?

    @Option(name: .customShort("p"), help: ArgumentHelp("A filter parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format: text, csv, json, markdown or xlsx.")
    var format: QueryOutput?

    @Option(name: .customLong("csv-dialect"), help: "CSV as rfc4180 (the default) or excel-sv (BOM, ';', decimal comma, CRLF).")
    var csvDialect: CSVDialectName?

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let format = try OutputFile.format(self.format, output: output, extensions: QueryOutput.byExtension, default: .text)
        try CommandOutput.checkDialect(csvDialect, format: format.rawValue)
        let session = try PluginSession(global: global)
        let kb = session.kb
        var rows: [Int]?
        let collection: CollectionStore
        var defaultColumns: [String]
        var defaultSort: [String] = []
        if let store = kb.collection(name) {
            guard parameters.isEmpty else {
                throw CLIFailure.usage("-p is for filter plugins; '\(name)' is a collection (use --where)")
            }
            collection = store
            defaultColumns = store.schema.fields.map(\.name)
        } else if session.catalog.file(named: name) != nil {
            let plugin = try session.plugin(named: name, kind: .filter)
            let params = try session.parameters(for: plugin, parameters)
            guard let store = plugin.info.collection.flatMap(kb.collection) else {
                throw CLIFailure.usage("filter '\(name)' names no collection")
            }
            collection = store
            defaultColumns = plugin.info.columns ?? store.schema.fields.map(\.name)
            defaultSort = QueryPlan.split(plugin.info.sort)
            try Self.checkDefaults(of: plugin.info, in: store, kb: kb, console: global.console)
            do {
                let result = try session.runtime.runFilter(plugin, params: params)
                rows = result.rows
                if result.alwaysNil {
                    global.console.error("note: filter '\(name)': match returned nil for all \(store.count) \(store.name), "
                        + "so none is shown; does it lack a `return`? (\(plugin.info.file))")
                }
            } catch {
                throw ScriptRunner.failure(error, console: global.console, plugin: plugin.info.name)
            }
        } else {
            let names = kb.collections.map(\.name) + session.catalog.winners.filter { $0.folderKind == .filter }.map(\.name)
            let hint = didYouMean(name, in: names) ?? ""
            throw CLIFailure.usage("'\(name)' is neither a collection nor a filter\(hint); `samverkan schema` and `samverkan list --kind filter` show them")
        }
        let plan = try QueryPlan(kb: kb, collection: collection,
                                 columns: columns.map { QueryPlan.split($0) } ?? defaultColumns,
                                 sort: sort.map { QueryPlan.split($0) } ?? defaultSort, limit: limit)
        if let condition {
            rows = try Self.filter(condition, collection: collection, rows: rows, runtime: session.runtime, console: global.console)
        }
        let matched = rows?.count ?? collection.count
        let ordered = plan.ordered(rows ?? Array(0..<collection.count))
        let options = RenderOptions(locale: global.locale, color: false, width: Terminal.width(toFile: output != nil))
        let result: CommandOutput
        switch format.text {
        // CSV is written cell by cell: a large result is never held as a table of rows.
        case .csv?: result = .text(plan.csv(ordered, dialect: csvDialect ?? .rfc4180))
        case let text?: result = .text(renderTable(plan.table(ordered), as: text, options: options))
        case nil:
            do { result = .bytes(try renderWorkbook(plan.table(ordered), sheet: name), what: "an .xlsx workbook") } catch {
                throw CLIFailure.usage("cannot write the workbook: \(error)")
            }
        }
        try result.write(to: output, console: global.console)
        if format == .text, !global.quiet {
            global.console.error(QueryCountLine.text(
                shown: ordered.count, matched: matched, total: collection.count, filtered: rows != nil,
                collection: collection.name, numbers: NumberFormat(locale: global.locale)))
        }
    }

    /// The filter's own `columns` and `sort` name fields of its collection: a mistake there
    /// is the plugin's (an invalid plugin at its line, exit 4), not the user's `--columns`.
    static func checkDefaults(of info: PluginInfo, in store: CollectionStore, kb: KnowledgeBase,
                              console: Console) throws(CLIFailure) {
        let entries = (info.columns ?? []).map { ("columns", $0) }
            + QueryPlan.split(info.sort).map { ("sort", QueryPlan.sortKey($0).path) }
        for (key, path) in entries {
            if case .failure(let error) = FieldPath.compile(path, from: store, in: kb) {
                let problem = info.problem("'\(key)' entry '\(path)': \(error.message)", key: key)
                throw CLIFailure(.scriptFailed, [console.errorPrefix() + "invalid plugin: " + problem.formatted])
            }
        }
    }

    /// Applies --where; a mistake in it is a usage error (exit 2) showing the expression
    /// with a caret under the place, when there is one; a limit it hits is exit 4.
    static func filter(_ condition: String, collection: CollectionStore, rows: [Int]?, runtime: LuaRuntime,
                       console: Console) throws(CLIFailure) -> [Int] {
        do {
            return try runtime.whereRows(condition, in: collection, rows: rows)
        } catch {
            switch error {
            case .invalid(let message, let column):
                throw CLIFailure(.usage, WhereDiagnostic.lines(message, expression: condition, column: column, console: console))
            case .limit(let failure):
                throw CLIFailure(.scriptFailed, [console.errorPrefix() + failure.message])
            }
        }
    }
}

/// `query --format`: the text formats of `QueryFormat`, and the workbook.
enum QueryOutput: String, CaseIterable, ExpressibleByArgument {
    case text, csv, json, markdown, xlsx

    static let byExtension: [String: QueryOutput] = [
        "txt": .text, "csv": .csv, "json": .json, "md": .markdown, "markdown": .markdown, "xlsx": .xlsx,
    ]

    /// The text format, nil for the workbook.
    var text: QueryFormat? { QueryFormat(rawValue: rawValue) }
}
