import Yams

/// The keys of a collection that say how its file is written (`FileFormat`): each only
/// where it applies, each value checked, so that a misspelt dialect is an error, not a
/// file read the wrong way.
extension SchemaLoader {
    static let csvFormatKeys = ["delimiter", "encoding", "decimal"]
    static let workbookFormatKeys = ["sheet", "header_row"]

    mutating func parseFormat(collection name: String, extension ext: String, map: Node.Mapping) -> FileFormat {
        var format = FileFormat()
        let problemsBefore = diagnostics.count
        let isCSV = ext == "csv", isWorkbook = ext == "xlsx"
        for key in Self.csvFormatKeys + Self.workbookFormatKeys {
            guard let node = map.get(key) else { continue }
            let applies = Self.csvFormatKeys.contains(key) ? isCSV : isWorkbook
            if !applies {
                let kind = Self.csvFormatKeys.contains(key) ? "CSV files" : ".xlsx workbooks"
                report("'\(key)' of collection '\(name)' applies to \(kind) only, and its file is a .\(ext) file; remove it",
                       at: node)
                continue
            }
            let text = node.scalarText ?? ""
            switch key {
            case "delimiter":
                if let found = FileFormat.delimiters.first(where: { $0.name == text }) {
                    format.delimiter = found.byte
                } else {
                    report("delimiter '\(text)' of collection '\(name)' is not one samverkan reads; write \",\", \";\" or \"\\t\"",
                           at: node)
                }
            case "encoding":
                if let encoding = TextEncoding.named(text) {
                    format.encoding = encoding
                } else {
                    report("encoding '\(text)' of collection '\(name)' is not one samverkan reads; write "
                        + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "), at: node)
                }
            case "decimal":
                switch text {
                case ".": format.decimal = 0x2E
                case ",": format.decimal = 0x2C
                default: report("decimal '\(text)' of collection '\(name)' must be \".\" or \",\"", at: node)
                }
            case "sheet":
                if text.isEmpty { report("sheet of collection '\(name)' must name a sheet of the workbook", at: node) }
                format.sheet = text
            default:   // header_row
                if let row = Int(text), row >= 1, row <= 1_048_576 {
                    format.headerRow = row
                } else {
                    report("header_row of collection '\(name)' must be a row number from 1 (the row of field names), not '\(text)'",
                           at: node)
                }
            }
        }
        // (A refused delimiter has its own error; the default it leaves is no conflict to report.)
        if diagnostics.count == problemsBefore, format.decimal == format.delimiter, let node = map.get("decimal") {
            report("collection '\(name)' has ',' both between cells and before decimals; with decimal: \",\" write "
                + "delimiter: \";\" (as a Swedish Excel saves CSV)", at: node)
        }
        format.refused = diagnostics.count > problemsBefore
        return format
    }
}
