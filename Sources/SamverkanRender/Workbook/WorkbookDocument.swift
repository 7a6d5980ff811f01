import SamverkanCore

/// Reports and query results as workbooks (`--format xlsx`).
///
/// A report: a first sheet with its title, paragraphs, lists and facts (the facts as
/// label and typed value), then one sheet per table, named from the table's title or the
/// heading before it, and one per chart with the chart's data (x, then a column per series).
/// Maps are left to the other formats; their data is in the report's tables. A query: one
/// sheet, named after the collection.
enum WorkbookDocument {
    static func report(_ document: ReportDocument, locale: OutputLocale) throws -> [UInt8] {
        var writer = WorkbookWriter()
        let phrases = RenderPhrases(locale: locale)
        var front = WorkbookWriter.Sheet(name: phrases.untitledReport)
        var tables: [(name: String, table: Table)] = []
        var heading: String?
        for block in document.blocks {
            switch block {
            case .title(let text): front.rows.append([WorkbookCell(value: .text(text), style: .title)])
            case .heading(let text):
                heading = text
                front.rows.append([])
                front.rows.append([.text(text, bold: true)])
            case .paragraph(let text): front.rows.append([.text(text)])
            case .list(let items): front.rows += items.map { [.text("• " + $0)] }
            case .facts(let facts):
                front.rows += facts.map { [.text($0.label, bold: true), cell($0.value, format: $0.format, decimals: nil)] }
            case .table, .chart, .charts:
                guard let table = block.dataTable(phrases: phrases) else { continue }
                let name = table.title ?? heading ?? phrases.tableName(tables.count + 1)
                tables.append((name, table))
                front.rows.append([.text(phrases.tableLabel + name)])
                heading = nil
            case .map: continue
            }
        }
        writer.add(front)
        for (name, table) in tables { writer.add(sheet(table, name: name)) }
        return try writer.bytes()
    }

    static func query(_ table: Table, name: String) throws -> [UInt8] {
        var writer = WorkbookWriter()
        writer.add(sheet(table, name: name))
        return try writer.bytes()
    }

    private static func sheet(_ table: Table, name: String) -> WorkbookWriter.Sheet {
        var sheet = WorkbookWriter.Sheet(name: name, frozenRows: 1)
        sheet.rows.append(table.columns.map { .text($0.title, bold: true) })
        for row in table.rows {
            sheet.rows.append(table.columns.indices.map { c in
                cell(c < row.count ? row[c] : .missing, format: table.columns[c].format, decimals: table.columns[c].decimals)
            })
        }
        return sheet
    }

    /// A value as its column's format shows it: numbers and percentages numeric, dates as
    /// date serials, text as text (a code such as `0604` stays text).
    static func cell(_ value: Cell, format: ValueFormat, decimals: Int?) -> WorkbookCell {
        switch value {
        case .missing: return WorkbookCell(value: .empty)
        case .boolean(let flag): return WorkbookCell(value: .boolean(flag))
        case .text(let text):
            if format == .date, let serial = dateSerial(text) { return WorkbookCell(value: .number(serial), style: .date) }
            return .text(text)
        case .integer(let integer):
            return numeric(Double(integer), format: format, decimals: decimals ?? 0)
        case .number(let number):
            return numeric(number, format: format, decimals: decimals ?? (format == .percent ? 1 : 2))
        }
    }

    private static func numeric(_ value: Double, format: ValueFormat, decimals: Int) -> WorkbookCell {
        switch format {
        case .percent: WorkbookCell(value: .number(value), style: .percent(decimals: decimals))
        case .text: WorkbookCell(value: .number(value))
        default: WorkbookCell(value: .number(value), style: .number(decimals: decimals))
        }
    }

    /// Excel's serial for `YYYY-MM-DD` (1900 system; days since 1899-12-30, right from 1 March 1900).
    static func dateSerial(_ text: String) -> Double? {
        guard CalendarDate.isValid(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        // Days from civil (Howard Hinnant), then from 1970-01-01 to Excel's epoch.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let serial = days + 25_569
        return serial >= 61 ? Double(serial) : nil
    }
}

/// A report as an .xlsx workbook (`report --format xlsx`).
public func renderWorkbook(_ document: ReportDocument, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
    try WorkbookDocument.report(document, locale: options.locale)
}

/// A query's result as an .xlsx workbook of one sheet (`query --format xlsx`).
public func renderWorkbook(_ table: Table, sheet: String) throws -> [UInt8] {
    try WorkbookDocument.query(table, name: sheet)
}
