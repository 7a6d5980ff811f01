import Foundation

/// What a workbook says about itself besides its sheets' cells: the sheets by name and
/// part, the shared strings, which cell styles are dates, and its date system.
struct WorkbookParts {
    struct Sheet {
        var name: String
        /// The sheet's part in the archive (`xl/worksheets/sheet1.xml`).
        var part: String
    }

    private(set) var sheets: [Sheet] = []
    private(set) var sharedStrings: [String] = []
    /// Per cell style (`s="3"`), whether its number format shows a date.
    private(set) var dateStyles: [Bool] = []
    /// Serial 0 is 1904-01-01 (the Mac date system) instead of 1899-12-31.
    private(set) var date1904 = false

    init(archive: inout WorkbookArchive) throws(WorkbookArchive.Failure) {
        guard let workbook = try archive.part("xl/workbook.xml") else {
            throw WorkbookArchive.Failure(message: "the file is a zip archive but not an .xlsx workbook (it has no "
                + "xl/workbook.xml); save it from Excel as \"Excel Workbook (.xlsx)\"")
        }
        var declared: [(name: String, id: String)] = []
        var date1904 = false
        try Self.check(WorkbookXML.read(workbook, start: { name, attributes in
            if name == "sheet", let sheet = attributes["name"] { declared.append((sheet, attributes["id"] ?? "")) }
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
        }), part: "xl/workbook.xml")
        self.date1904 = date1904
        var targets: [String: String] = [:]
        if let rels = try archive.part("xl/_rels/workbook.xml.rels") {
            try Self.check(WorkbookXML.read(rels, start: { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
            }), part: "xl/_rels/workbook.xml.rels")
        }
        sheets = declared.enumerated().map { i, sheet in
            Sheet(name: sheet.name, part: targets[sheet.id].map(Self.partPath) ?? "xl/worksheets/sheet\(i + 1).xml")
        }
        if let strings = try archive.part("xl/sharedStrings.xml") {
            var list: [String] = [], current = "", inPhonetic = false
            try Self.check(WorkbookXML.read(strings, start: { name, _ in
                if name == "si" { current = "" }
                if name == "rPh" { inPhonetic = true }
            }, end: { name, text in
                switch name {
                case "t" where !inPhonetic: current += text
                case "rPh": inPhonetic = false
                case "si": list.append(current)
                default: break
                }
            }), part: "xl/sharedStrings.xml")
            sharedStrings = list
        }
        if let styles = try archive.part("xl/styles.xml") {
            var customDates = Set<Int>(), inCellFormats = false, formats: [Int] = []
            try Self.check(WorkbookXML.read(styles, start: { name, attributes in
                switch name {
                case "numFmt":
                    if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                       Self.isDateFormat(code) { customDates.insert(id) }
                case "cellXfs": inCellFormats = true
                case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                default: break
                }
            }, end: { name, _ in
                if name == "cellXfs" { inCellFormats = false }
            }), part: "xl/styles.xml")
            dateStyles = formats.map { Self.builtInDateFormats.contains($0) || customDates.contains($0) }
        }
    }

    private static func check(_ problem: String?, part: String) throws(WorkbookArchive.Failure) {
        if let problem { throw WorkbookArchive.Failure(message: "part \(part) of the workbook: \(problem)") }
    }

    /// The sheet named so, or the first when `name` is nil.
    func sheet(named name: String?) -> Sheet? {
        guard let name else { return sheets.first }
        return sheets.first { $0.name == name }
    }

    func isDateStyle(_ style: Int) -> Bool { style >= 0 && style < dateStyles.count && dateStyles[style] }

    /// A relationship's target as a path in the archive: relative to `xl/` unless absolute.
    static func partPath(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    /// Excel's built-in number formats that show dates (ECMA-376 Part 1, §18.8.30).
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// True when a format code shows a date: it has a day, month or year outside quoted
    /// text, escapes and `[…]` sections (colours, conditions, elapsed time).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            // (A `where` would guard only the last of the patterns.)
            case "d", "y", "m": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }

    /// The column number of a cell reference (`D4` → 4, `AA10` → 27).
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard scalar.isASCII, scalar.properties.isAlphabetic else { break }
            column = column * 26 + Int(scalar.value & 0x1F)
        }
        return column > 0 && column <= 16_384 ? column : nil
    }

    /// The day of a serial date, `YYYY-MM-DD`: 1 is 1900-01-01 (Excel's 1900 system counts
    /// a 29 February 1900 that never was, serial 60), or 0 is 1904-01-01 in the 1904 system.
    /// Nil for a serial before the system's first day or beyond 9999.
    static func date(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if !date1904 && whole == 60 { return "1900-02-29" }
        // Days since 1970-01-01.
        let days = date1904 ? whole - 24_107 : whole - (whole > 60 ? 25_569 : 25_568)
        return civil(daysSince1970: days)
    }

    /// Howard Hinnant's days-to-civil conversion for the proleptic Gregorian calendar.
    private static func civil(daysSince1970 days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
