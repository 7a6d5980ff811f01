import SamverkanCore
import SamverkanRender

/// Columns, order and limit of a query, compiled against the schema once.
struct QueryPlan {
    let kb: KnowledgeBase
    let collection: CollectionStore
    let columns: [FieldPath]
    let sort: [(path: FieldPath, descending: Bool)]
    let limit: Int?

    /// Compiles comma-separated `columns` and `sort` (`-` for descending); unknown paths are usage errors.
    init(kb: KnowledgeBase, collection: CollectionStore, columns: [String], sort: [String], limit: Int?) throws(CLIFailure) {
        self.kb = kb
        self.collection = collection
        self.limit = limit
        var compiled: [FieldPath] = []
        for column in columns {
            compiled.append(try Self.compile(column, collection, kb, option: "--columns"))
        }
        self.columns = compiled
        var order: [(FieldPath, Bool)] = []
        for key in sort {
            let (text, descending) = Self.sortKey(key)
            order.append((try Self.compile(text, collection, kb, option: "--sort"), descending))
        }
        self.sort = order
    }

    private static func compile(_ text: String, _ collection: CollectionStore, _ kb: KnowledgeBase,
                                option: String) throws(CLIFailure) -> FieldPath {
        switch FieldPath.compile(text.trimmingCharacters(in: .whitespaces), from: collection, in: kb) {
        case .success(let path): return path
        case .failure(let error): throw CLIFailure.usage("\(option): \(error.message)")
        }
    }

    /// `-population` → ("population", descending); `+name` and `name` → ascending.
    static func sortKey(_ key: String) -> (path: String, descending: Bool) {
        let descending = key.hasPrefix("-")
        return (descending || key.hasPrefix("+") ? String(key.dropFirst()) : key, descending)
    }

    /// Splits `a,b.c, d` into paths.
    static func split(_ list: String?) -> [String] {
        guard let list else { return [] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The rows in query order, limited.
    func ordered(_ rows: [Int]) -> [Int] {
        var result = rows
        if !sort.isEmpty {
            let keys = sort.map { key in rows.map { SortKey(key.path.resolve(row: $0, in: collection, kb: kb)) } }
            result = StableSort.order(count: rows.count, keys: keys, descending: sort.map(\.descending)).map { rows[$0] }
        }
        if let limit { result = Array(result.prefix(limit)) }
        return result
    }

    /// The result as a table: one column per path, raw values (refs as their keys).
    func table(_ rows: [Int]) -> Table {
        let header = columns.map { path in
            Column(title: path.description, format: .text)
        }
        let cells = rows.map { row in
            columns.map { Self.cell(for: $0.resolve(row: row, in: collection, kb: kb)) }
        }
        return Table(columns: header, rows: cells)
    }

    /// The result as CSV, as `renderTable(table(rows), as: .csv)` would write it.
    func csv(_ rows: [Int], dialect: CSVDialectName = .rfc4180) -> String {
        renderCSV(titles: columns.map(\.description), rows: rows.count, dialect: dialect) { r, c in
            Self.cell(for: columns[c].resolve(row: rows[r], in: collection, kb: kb))
        }
    }

    static func cell(for value: Value) -> Cell {
        switch value {
        case .missing: .missing
        case .string(let s), .date(let s): .text(s)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .boolean(let b): .boolean(b)
        case .ref(let key, _): .text(key)
        case .list(let items): .text(items.map(\.text).joined(separator: "; "))
        }
    }
}

import Foundation
