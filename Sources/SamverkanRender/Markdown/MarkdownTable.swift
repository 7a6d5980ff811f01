import SamverkanCore

/// A GitHub-flavoured Markdown table: header, alignment row (`---:` for numeric columns),
/// rows. Cells are padded so the source reads as a table too; they are escaped with
/// ``MarkdownEscaping/cell(_:)`` (a GFM cell is one line, and `|` would end it).
struct MarkdownTable {
    let table: FormattedTable

    init(_ table: FormattedTable) { self.table = table }

    init(_ table: Table, formatter: CellFormatter) {
        self.init(FormattedTable(table, formatter: formatter))
    }

    /// The table's lines, without its title; an empty table is its header only.
    func lines() -> [String] {
        guard !table.headers.isEmpty else { return [] }
        let headers = table.headers.map(Self.escape)
        let rows = table.rows.map { $0.map { Self.escape($0.text) } }
        let widths = headers.indices.map { index in
            max(3, ([headers[index]] + rows.map { $0[index] }).map { DisplayWidth.of($0) }.max() ?? 0)
        }
        func line(_ cells: [String], alignRight: (Int) -> Bool) -> String {
            "| " + cells.indices.map { DisplayWidth.pad(cells[$0], to: widths[$0], alignRight: alignRight($0)) }
                .joined(separator: " | ") + " |"
        }
        let rule = "|" + widths.indices.map { index in
            table.numericColumns[index]
                ? " " + String(repeating: "-", count: widths[index] - 1) + ": "
                : " " + String(repeating: "-", count: widths[index]) + " "
        }.joined(separator: "|") + "|"
        return [line(headers) { table.numericColumns[$0] }, rule]
            + rows.indices.map { row in line(rows[row]) { table.rows[row][$0].isNumeric } }
    }

    static func escape(_ text: String) -> String {
        MarkdownEscaping.cell(text)
    }
}
