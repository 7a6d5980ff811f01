import SamverkanCore

/// Tables as RFC 4180 CSV with raw values, for spreadsheets and scripts.
///
/// - A header row of column titles, then one line per row; lines end in LF (not CRLF:
///   every spreadsheet and CSV library reads LF, and it diffs cleanly).
/// - A field is quoted when it holds `,`, `"`, CR or LF; quotes inside are doubled.
/// - Raw values: `1428626`, `0.2598` (a fraction, not `26,0 %`), `2016-01-01`, `true`;
///   a missing cell is an empty field.
/// - A report's tables in order, separated by one empty line, with nothing else (titles
///   are not written); a report without tables is empty output.
enum CSVWriter {
    static func document(_ document: ReportDocument) -> String {
        document.blocks.compactMap { block -> String? in
            if case .table(let table) = block { return self.table(table) }
            return nil
        }.joined(separator: "\n")
    }

    static func table(_ table: Table) -> String {
        var text = line(table.columns.map(\.title))
        for row in table.paddedRows { text += line(row.map(raw)) }
        return text
    }

    static func raw(_ cell: Cell) -> String {
        switch cell {
        case .missing: ""
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .number(let number): RawNumber.text(number)
        case .boolean(let flag): flag ? "true" : "false"
        }
    }

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
