import SamverkanCore

/// How CSV is written (`--csv-dialect`).
public enum CSVDialectName: String, Sendable, CaseIterable {
    /// RFC 4180: `,` between cells, a point before decimals, LF line ends, no BOM.
    case rfc4180
    /// What a Swedish Excel opens as columns: a UTF-8 byte order mark, `;`, a decimal comma, CRLF.
    case excelSV = "excel-sv"
}

/// Tables as CSV with raw values, for spreadsheets and scripts.
///
/// - A header row of column titles, then one line per row; lines end in LF (`rfc4180`:
///   every spreadsheet and CSV library reads LF, and it diffs cleanly) or CRLF (`excel-sv`).
/// - A field is quoted when it holds the delimiter, `"`, CR or LF; quotes inside are doubled.
/// - Raw values: `1428626`, `0.2598` (a fraction, not `26,0 %`; `0,2598` in `excel-sv`),
///   `2016-01-01`, `true`; a missing cell is an empty field.
/// - A text that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`,
///   a tab or a carriage return) gets a `'` before it, as OWASP advises against CSV
///   injection: the spreadsheet shows it as text.
/// - A chart is written as the table of its data: x, then a column per series (small
///   multiples: per facet), a gap an empty field.
/// - A report with one table is that table; with several, each is a block of its own: a
///   line with its title (the table's, else the heading before it), its header and rows,
///   then an empty line, so no header ever stands over another table's columns. Other
///   blocks are not written; a report without tables or charts is empty output.
enum CSVWriter {
    /// The bytes of one dialect.
    struct Style {
        var delimiter = UInt8(ascii: ",")
        var decimalComma = false
        var crlf = false
        var byteOrderMark = false

        init(_ dialect: CSVDialectName = .rfc4180) {
            if dialect == .excelSV {
                delimiter = UInt8(ascii: ";")
                decimalComma = true
                crlf = true
                byteOrderMark = true
            }
        }
    }

    static func document(_ document: ReportDocument, dialect: CSVDialectName = .rfc4180, locale: OutputLocale = .sv) -> String {
        let phrases = RenderPhrases(locale: locale)
        var tables: [(title: String?, table: Table)] = []
        var heading: String?
        for block in document.blocks {
            if case .heading(let text) = block { heading = text }
            guard let table = block.dataTable(phrases: phrases) else { continue }
            tables.append((table.title ?? heading, table))
            heading = nil
        }
        let style = Style(dialect)
        let bom = style.byteOrderMark ? "\u{FEFF}" : ""
        guard tables.count > 1 else { return tables.first.map { bom + self.table($0.table, style: style) } ?? "" }
        let end = style.crlf ? "\r\n" : "\n"
        return bom + tables.enumerated().map { i, entry in
            var title: [UInt8] = []
            appendField(entry.title ?? phrases.tableName(i + 1), to: &title, style: style)
            return String(decoding: title, as: UTF8.self) + end + self.table(entry.table, style: style)
        }.joined(separator: end)
    }

    /// Written as UTF-8 bytes, cell by cell (a query can have a million rows; a String per
    /// cell and per line was most of its time).
    static func table(_ table: Table, style: Style = Style()) -> String {
        self.table(titles: table.columns.map(\.title), rows: table.rows.count, style: style) { r, c in
            let row = table.rows[r]
            return c < row.count ? row[c] : .missing   // padded with missing cells
        }
    }

    /// A table given cell by cell (so a large result need not be built as rows first).
    static func table(titles: [String], rows: Int, style: Style = Style(), cell: (_ row: Int, _ column: Int) -> Cell) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows * 8 * max(titles.count, 1))
        let delimiter = style.delimiter
        for (i, title) in titles.enumerated() {
            if i > 0 { out.append(delimiter) }
            appendField(title, to: &out, style: style)
        }
        if style.crlf { out.append(0x0D) }
        out.append(lineFeed)
        for r in 0..<rows {
            for c in titles.indices {
                if c > 0 { out.append(delimiter) }
                switch cell(r, c) {
                case .missing: break
                case .integer(let integer): appendInteger(integer, to: &out)
                case .text(let text): appendField(text, to: &out, style: style)
                case .number(let number) where style.decimalComma:
                    appendField(RawNumber.text(number).replacingAll(".", with: ","), to: &out, style: style)
                case let other: appendField(raw(other), to: &out, style: style)
                }
            }
            if style.crlf { out.append(0x0D) }
            out.append(lineFeed)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")

    /// True when a spreadsheet would take a text starting with this byte for a formula.
    @inline(__always)
    private static func formulaLike(_ first: UInt8?) -> Bool {
        guard let first else { return false }
        return first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    }

    /// ``field(_:delimiter:)`` of the text (a formula-like one neutralised), appended as UTF-8.
    private static func appendField(_ text: String, to out: inout [UInt8], style: Style = Style()) {
        var text = text
        if formulaLike(text.utf8.first) { text = "'" + text }
        let comma = style.delimiter
        text.withUTF8 { bytes in
            var needsQuotes = false, nonASCII = false
            for b in bytes {
                if b == comma || b == quote || b == 0x0D || b == lineFeed { needsQuotes = true }
                if b >= 0x80 { nonASCII = true }
            }
            if !needsQuotes {
                out.append(contentsOf: bytes)
            } else if nonASCII {
                // A quote may start a grapheme with what follows it; leave that to `field`.
                out.append(contentsOf: field(String(decoding: bytes, as: UTF8.self), delimiter: comma).utf8)
            } else {
                out.append(quote)
                for b in bytes {
                    out.append(b)
                    if b == quote { out.append(quote) }
                }
                out.append(quote)
            }
        }
    }

    /// `String(integer)`, appended as ASCII digits.
    private static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes: room for 20 digits
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: buffer[start...])
        }
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

    static func field(_ text: String, delimiter: UInt8 = UInt8(ascii: ",")) -> String {
        let d = Unicode.Scalar(delimiter)
        let needsQuotes = text.unicodeScalars.contains { $0 == d || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }
}
