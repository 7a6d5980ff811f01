/// How a collection's data file is written, beyond its extension: the CSV dialect of a
/// Swedish Excel export, or which sheet of a workbook holds the records (docs/data.md).
///
///     municipalities:
///       file: kommuner.csv
///       delimiter: ";"          # "," (default), ";" or "\t"
///       encoding: windows-1252  # utf-8 (default), windows-1252 or iso-8859-1
///       decimal: ","            # "." (default) or ",": number fields read 12,5 and 1 234,5
///     hospitals:
///       file: sjukhus.xlsx
///       sheet: Sjukhus          # default: the first sheet
///       header_row: 1           # default 1: the row of field names; records follow it
public struct FileFormat: Sendable, Equatable {
    /// The byte between cells: `,`, `;` or tab.
    public var delimiter: UInt8 = 0x2C
    public var encoding: TextEncoding = .utf8
    /// The byte before a number's fraction: `.` or `,`.
    public var decimal: UInt8 = 0x2E
    /// The sheet of an .xlsx file; nil for the first.
    public var sheet: String?
    /// The row of an .xlsx sheet that holds the field names (1-based).
    public var headerRow = 1
    /// A key of the format was refused (a schema error): the file is not read, as what it
    /// would say under a dialect it may not be in is noise beside that error.
    public var refused = false

    public init() {}

    /// The delimiters a schema may name, as written there.
    public static let delimiters: [(name: String, byte: UInt8)] = [(",", 0x2C), (";", 0x3B), ("\t", 0x09)]

    /// How a delimiter is written in schema.yaml: `","`, `";"`, `"\t"`.
    public static func written(_ byte: UInt8) -> String {
        byte == 0x09 ? "\"\\t\"" : "\"\(Character(Unicode.Scalar(byte)))\""
    }

    /// True when number fields take a decimal comma.
    public var decimalComma: Bool { decimal == 0x2C }
}

/// The text encodings a CSV data file may be in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// The names schema.yaml may use, lower-cased, for each encoding.
    static func named(_ name: String) -> TextEncoding? {
        switch name.lowercased() {
        case "utf-8", "utf8": .utf8
        case "windows-1252", "cp1252": .windows1252
        case "iso-8859-1", "latin-1", "latin1": .latin1
        default: nil
        }
    }
}
