/// A position in a source file: 1-based line and column (columns count characters).
public struct Position: Hashable, Sendable, Comparable {
    public var line: Int32
    public var column: Int32

    public init(line: Int, column: Int) {
        self.line = Int32(clamping: line)
        self.column = Int32(clamping: column)
    }

    public static func < (a: Position, b: Position) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A file and a position in it, as diagnostics print it: `data/x.csv:14:23`; in a sheet of
/// a workbook, as Excel users name a cell: `data/sjukhus.xlsx:Sjukhus!D4` (line = row,
/// column = column number).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The sheet of an .xlsx workbook; nil in a text file.
    public var sheet: String?

    public init(file: String, line: Int, column: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
    }

    public init(file: String, _ position: Position, sheet: String? = nil) {
        self.init(file: file, line: Int(position.line), column: Int(position.column), sheet: sheet)
    }

    public var description: String {
        guard let cell = cellReference else { return "\(file):\(line):\(column)" }
        return "\(file):\(cell)"
    }

    /// `Sjukhus!D3`, the cell a location in a workbook names; nil in a text file.
    public var cellReference: String? {
        sheet.map { "\(Self.sheetReference($0))!\(Self.columnLetters(column))\(line)" }
    }

    /// A sheet's name as a cell reference writes it: quoted when it holds more than
    /// letters, digits and `_` (`'Min flik'!A1`, a quote doubled).
    static func sheetReference(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Excel's letters for a column number: 1 → A, 26 → Z, 27 → AA, 16384 → XFD.
    public static func columnLetters(_ column: Int) -> String {
        guard column >= 1 else { return "?" }
        var n = column, letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(Character(Unicode.Scalar(UInt8(65 + remainder)))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
