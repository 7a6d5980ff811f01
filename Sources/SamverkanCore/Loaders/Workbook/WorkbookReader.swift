import Foundation

/// Reads one sheet of an .xlsx workbook into raw records: the row `header_row` (default 1)
/// names the fields, each later row that holds a value is a record. Positions are rows
/// and column numbers, and the table names its sheet, so that every diagnostic reads as
/// Excel users name a cell (`data/sjukhus.xlsx:Sjukhus!D4`).
///
/// Cells become values as their type says: shared and inline strings and formula strings
/// are text; numbers keep their digits (an integral number is written without a fraction,
/// so an integer field takes Excel's `350` stored as `350.0`); booleans are booleans; a
/// number with a date format, an ISO date cell, or a number in a `date` field is a date
/// (`YYYY-MM-DD`, from the serial number in the workbook's date system, 1900 or 1904). A
/// cell holding an error value (`#N/A`) is reported and read as empty.
enum WorkbookReader {
    static func read(path: String, file: String, collection: CollectionSchema) -> RawTable {
        do throws(WorkbookArchive.Failure) {
            var archive = try WorkbookArchive(path: path)
            let workbook = try WorkbookParts(archive: &archive)
            guard let sheet = workbook.sheet(named: collection.format.sheet) else {
                let names = workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                let wanted = collection.format.sheet.map { "no sheet '\($0)'" } ?? "no sheets"
                let hint = collection.format.sheet.flatMap { didYouMean($0, in: workbook.sheets.map(\.name)) } ?? ""
                return failed("\(file) has \(wanted)\(hint); its sheets are \(names.isEmpty ? "none" : names)",
                              at: collection.location, collection: collection)
            }
            guard let xml = try archive.part(sheet.part) else {
                return failed("the workbook names sheet '\(sheet.name)' but has no part \(sheet.part); save it again from Excel",
                              file: file, collection: collection)
            }
            let reader = SheetRows(workbook: workbook, collection: collection, file: file, sheet: sheet.name)
            if let problem = reader.read(xml) {
                var table = reader.table
                table.diagnostics.append(Diagnostic(.error, rule: "schema.parse", "sheet '\(sheet.name)': \(problem)",
                    at: SourceLocation(file: file, line: 1, column: 1), collection: collection.name))
                return table
            }
            return reader.table
        } catch {
            return failed(error.message, file: file, collection: collection)
        }
    }

    private static func failed(_ message: String, file: String, collection: CollectionSchema) -> RawTable {
        failed(message, at: SourceLocation(file: file, line: 1, column: 1), collection: collection)
    }

    private static func failed(_ message: String, at location: SourceLocation, collection: CollectionSchema) -> RawTable {
        RawTable(diagnostics: [Diagnostic(.error, rule: "schema.parse", message, at: location, collection: collection.name)])
    }
}

/// Reads a sheet's XML row by row into a table (header first, then one record a row).
/// A class: the parser's callbacks fill it in as they come.
private final class SheetRows {
    let workbook: WorkbookParts
    let collection: CollectionSchema
    let file: String
    let sheet: String
    private(set) var table: RawTable
    /// The header's names by column number.
    private var names: [Int: String] = [:]
    private var fieldTypes: [String: FieldType] = [:]
    /// Columns with values under an empty header cell, reported once each.
    private var unnamed = Set<Int>()

    init(workbook: WorkbookParts, collection: CollectionSchema, file: String, sheet: String) {
        self.workbook = workbook
        self.collection = collection
        self.file = file
        self.sheet = sheet
        table = RawTable(sheet: sheet)
        for field in collection.fields { fieldTypes[field.name] = field.type }
    }

    /// A cell as read: its column, value and where it stands.
    private struct Cell {
        var column: Int
        var content: RawContent
    }

    func read(_ xml: Data) -> String? {
        var row: [Cell] = []
        var rowNumber = 0
        var cellRef: String?, cellType = "n", cellStyle = 0
        var value: String?, inline = "", inInline = false, inPhonetic = false
        var nextColumn = 1
        let problem = WorkbookXML.read(xml, start: { name, attributes in
            switch name {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                row = []
                nextColumn = 1
            case "c":
                cellRef = attributes["r"]
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap(Int.init) ?? 0
                value = nil
                inline = ""
            case "is": inInline = true
            case "rPh": inPhonetic = true
            default: break
            }
        }, end: { name, text in
            switch name {
            case "v": value = text
            case "t" where inInline && !inPhonetic: inline += text
            case "rPh": inPhonetic = false
            case "is": inInline = false
            case "c":
                let column = cellRef.flatMap(WorkbookParts.column(ofReference:)) ?? nextColumn
                nextColumn = column + 1
                row.append(Cell(column: column, content: self.content(type: cellType, style: cellStyle, value: value,
                                                                       inline: inline, row: rowNumber, column: column)))
            case "row":
                self.take(row, number: rowNumber)
            default: break
            }
        })
        if names.isEmpty && problem == nil {
            table.diagnostics.append(Diagnostic(.error, rule: "schema.parse",
                "row \(collection.format.headerRow) of sheet '\(sheet)' holds no field names; put them there, or give "
                    + "header_row: N for collection '\(collection.name)' in schema.yaml",
                at: SourceLocation(file: file, line: collection.format.headerRow, column: 1, sheet: sheet), collection: collection.name))
        }
        return problem
    }

    /// A row read: the header, or a record when it holds a value.
    private func take(_ cells: [Cell], number: Int) {
        let header = collection.format.headerRow
        guard number >= header else { return }
        if number == header {
            for cell in cells {
                guard let name = Self.text(cell.content), !name.isEmpty else { continue }
                names[cell.column] = name
                if table.headerPositions[name] != nil {
                    table.diagnostics.append(located("duplicate field name '\(name)' in the header; each field may appear once",
                                                     row: number, column: cell.column))
                } else {
                    table.headerPositions[name] = Position(line: number, column: cell.column)
                }
            }
            return
        }
        var fields: [(name: String, value: RawValue)] = []
        for cell in cells where cell.content != .null {
            guard let name = names[cell.column] else {
                if unnamed.insert(cell.column).inserted {
                    table.diagnostics.append(located("column \(SourceLocation.columnLetters(cell.column)) has values but no "
                        + "field name in row \(header); name it, or clear the column", row: number, column: cell.column))
                }
                continue
            }
            fields.append((name, RawValue(cell.content, at: Position(line: number, column: cell.column))))
        }
        guard !fields.isEmpty else { return }
        table.records.append(RawRecord(position: Position(line: number, column: 1), fields: fields))
    }

    private static func text(_ content: RawContent) -> String? {
        switch content {
        case .cell(let s), .string(let s), .text(let s), .number(let s): s
        case .boolean(let b): b ? "TRUE" : "FALSE"
        default: nil
        }
    }

    private func located(_ message: String, row: Int, column: Int) -> Diagnostic {
        Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, line: row, column: column, sheet: sheet),
                   collection: collection.name)
    }

    /// A cell's value as its type and style say.
    private func content(type: String, style: Int, value: String?, inline: String, row: Int, column: Int) -> RawContent {
        switch type {
        case "s":
            guard let index = value.flatMap(Int.init), index >= 0, index < workbook.sharedStrings.count else {
                table.diagnostics.append(located("the cell points at shared string \(value ?? "?"), which the workbook does not "
                    + "have; save the file again from Excel", row: row, column: column))
                return .null
            }
            let text = workbook.sharedStrings[index]
            return text.isEmpty ? .null : .cell(text)
        case "inlineStr":
            return inline.isEmpty ? .null : .cell(inline)
        case "str":
            guard let value, !value.isEmpty else { return .null }
            return .cell(value)
        case "b":
            return value.map { .boolean($0 == "1" || $0.lowercased() == "true") } ?? .null
        case "e":
            table.diagnostics.append(located("the cell holds Excel's error value \(value ?? "#?"); fix its formula or clear it",
                                             row: row, column: column))
            return .null
        case "d":
            guard let value, !value.isEmpty else { return .null }
            return .cell(String(value.prefix(10)))
        default:
            guard let value, !value.isEmpty else { return .null }
            let name = row > collection.format.headerRow ? names[column] : nil
            let isDateField: Bool = {
                guard let name, let type = fieldTypes[name] else { return false }
                if case .date = type { return true }
                return false
            }()
            if workbook.isDateStyle(style) || isDateField, let serial = Double(value),
               let date = WorkbookParts.date(serial: serial, date1904: workbook.date1904) {
                return .cell(date)
            }
            if let number = Double(value), number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                return .number(String(Int64(number)))
            }
            return .number(value)
        }
    }
}
