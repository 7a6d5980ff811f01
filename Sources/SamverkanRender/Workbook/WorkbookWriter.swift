import Foundation
import SamverkanCore
import ZIPFoundation

/// An .xlsx workbook written from sheets of typed cells: the smallest set of SpreadsheetML
/// parts Excel and LibreOffice open without a repair prompt (content types, relationships,
/// workbook, styles, one part per sheet). The zip is ZIPFoundation's, deflated.
///
/// - Text is an inline string cell, never a formula: a text that starts with `=`, `+`, `-`
///   or `@` (what a spreadsheet would run) also gets Excel's quote prefix, which keeps it
///   text when someone edits the cell (OWASP's advice for CSV injection).
/// - Numbers are numeric cells with a number format from their column (grouped digits and
///   the column's decimals; percentages as `0.0 %` of the fraction); dates are date serials
///   with `yyyy-mm-dd`; booleans are booleans.
/// - A sheet's header row is bold and frozen, and its columns are as wide as their content.
struct WorkbookWriter {
    /// One sheet: its name, its rows of cells, and which rows are headers.
    struct Sheet {
        var name: String
        var rows: [[WorkbookCell]] = []
        /// Rows (0-based) frozen above the scrolling part: the header row of a table.
        var frozenRows = 0
    }

    private var sheets: [Sheet] = []
    private var styles = WorkbookStyles()
    private var usedNames = Set<String>()

    /// Adds a sheet, its name made valid and unique (Excel: at most 31 characters, none of
    /// `[]:*?/\`, not empty, not repeated ignoring case).
    mutating func add(_ sheet: Sheet) {
        var sheet = sheet
        sheet.name = uniqueName(sheet.name)
        sheets.append(sheet)
    }

    mutating func uniqueName(_ wanted: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(wanted.filter { !forbidden.contains($0) && !$0.isNewline }).trimmingCharacters(in: .whitespaces)
        if base.hasPrefix("'") { base.removeFirst() }
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(31))
        var name = base, n = 2
        while usedNames.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        usedNames.insert(name.lowercased())
        return name
    }

    /// The workbook's bytes.
    mutating func bytes() throws -> [UInt8] {
        if sheets.isEmpty { add(Sheet(name: "Sheet")) }
        let sheetXML = sheets.map { sheetPart($0) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles.xml),
        ]
        for (i, xml) in sheetXML.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", xml)) }
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed time, so the same report gives the same bytes.
        let date = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    // MARK: - Parts

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationshipNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        var xml = Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in sheets.indices {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let rootRelationships = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNS)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    private var workbook: String {
        var xml = Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationshipNS)\"><sheets>"
        for (i, sheet) in sheets.enumerated() {
            xml += "<sheet name=\"\(WorkbookXMLText.escaped(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var xml = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for i in sheets.indices {
            xml += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Self.relationshipNS)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNS)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    private mutating func sheetPart(_ sheet: Sheet) -> String {
        var xml = Self.header + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationshipNS)\">"
        if sheet.frozenRows > 0 {
            let top = "A\(sheet.frozenRows + 1)"
            xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(top)\" "
                + "activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"\(top)\" sqref=\"\(top)\"/>"
                + "</sheetView></sheetViews>"
        }
        let widths = columnWidths(sheet.rows)
        if !widths.isEmpty {
            xml += "<cols>"
            for (i, width) in widths.enumerated() {
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() where !row.isEmpty {
            xml += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                xml += cellXML(cell, reference: SourceLocation.columnLetters(c + 1) + String(r + 1))
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    private mutating func cellXML(_ cell: WorkbookCell, reference: String) -> String {
        let style = styles.index(for: cell.style)
        let s = style == 0 ? "" : " s=\"\(style)\""
        switch cell.value {
        case .empty:
            return style == 0 ? "" : "<c r=\"\(reference)\"\(s)/>"
        case .text(let text):
            let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
            return "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t\(space)>\(WorkbookXMLText.escaped(text))</t></is></c>"
        case .number(let value):
            guard value.isFinite else { return "" }
            return "<c r=\"\(reference)\"\(s)><v>\(RawNumber.text(value))</v></c>"
        case .boolean(let flag):
            return "<c r=\"\(reference)\"\(s) t=\"b\"><v>\(flag ? 1 : 0)</v></c>"
        }
    }

    /// Each column as wide as its longest cell as shown (in characters), between 6 and 60.
    private func columnWidths(_ rows: [[WorkbookCell]]) -> [Double] {
        var widths: [Int] = []
        for row in rows {
            for (c, cell) in row.enumerated() {
                if c >= widths.count { widths += Array(repeating: 0, count: c - widths.count + 1) }
                widths[c] = max(widths[c], cell.shownWidth)
            }
        }
        return widths.map { Double(min(60, max(6, $0 + 2))) }
    }
}

/// One cell: a value and how it is shown.
struct WorkbookCell {
    enum Value: Equatable {
        case empty
        case text(String)
        case number(Double)
        case boolean(Bool)
    }

    var value: Value
    var style: WorkbookStyles.Style = .plain

    /// About how many characters the cell takes on screen, for its column's width.
    var shownWidth: Int {
        switch value {
        case .empty: 0
        case .text(let text): text.split(separator: "\n").map(\.count).max() ?? 0
        case .number(let value):
            switch style {
            case .date: 10
            case .percent(let decimals): 4 + decimals + (decimals > 0 ? 1 : 0)
            default: RawNumber.text(value).count + RawNumber.text(value).count / 3
            }
        case .boolean: 5
        }
    }

    /// Text, kept text: a formula-like start gets the quote prefix.
    static func text(_ text: String, bold: Bool = false) -> WorkbookCell {
        if bold { return WorkbookCell(value: .text(text), style: .bold) }
        let formulaLike = text.first.map { "=+-@".contains($0) } ?? false
        return WorkbookCell(value: .text(text), style: formulaLike ? .quoted : .plain)
    }
}

/// XML text for SpreadsheetML: escaped as HTML text is (`&`, `<`, `>`, quotes), after the
/// characters XML 1.0 cannot hold are written as Excel writes them (`_x0001_`).
enum WorkbookXMLText {
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnwritable) else { return HTMLEscaping.escape(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnwritable(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out.append(contentsOf: ("_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_").unicodeScalars)
        }
        return HTMLEscaping.escape(String(out))
    }

    private static func isUnwritable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
