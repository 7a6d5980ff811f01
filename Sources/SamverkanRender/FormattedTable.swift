import SamverkanCore

/// A table with its cells written for people: what text, Markdown and HTML lay out.
struct FormattedTable {
    var title: String?
    var headers: [String]
    /// Per column: right-aligned (a number or percent column, or one holding only numbers).
    var numericColumns: [Bool]
    /// Each row as long as `headers`; in a numeric column every cell counts as numeric.
    var rows: [[FormattedCell]]

    init(_ table: Table, formatter: CellFormatter) {
        title = table.title
        headers = table.columns.map(\.title)
        let cells = table.paddedRows
        let numericColumns = table.columns.indices.map { index in
            let column = table.columns[index]
            if column.format == .number || column.format == .percent { return true }
            let present = cells.map { $0[index] }.filter { $0 != .missing }
            return !present.isEmpty && present.allSatisfy { $0.double != nil }
        }
        self.numericColumns = numericColumns
        rows = cells.map { row in
            row.indices.map { index in
                let column = table.columns[index]
                var cell = formatter.format(row[index], as: column.format, decimals: column.decimals)
                cell.isNumeric = cell.isNumeric || numericColumns[index]
                return cell
            }
        }
    }

    /// For tables the renderers build themselves (charts and maps as tables).
    init(title: String? = nil, headers: [String], numericColumns: [Bool], rows: [[FormattedCell]]) {
        self.title = title
        self.headers = headers
        self.numericColumns = numericColumns
        self.rows = rows
    }
}

extension Table {
    /// Rows cut or padded with `.missing` to the number of columns, so renderers can index freely.
    var paddedRows: [[Cell]] {
        rows.map { row in
            row.count == columns.count ? row
                : Array(row.prefix(columns.count)) + Array(repeating: .missing, count: max(0, columns.count - row.count))
        }
    }
}
