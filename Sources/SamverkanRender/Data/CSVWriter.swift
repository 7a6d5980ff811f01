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

    /// Written as UTF-8 bytes, cell by cell (a query can have a million rows; a String per
    /// cell and per line was most of its time).
    static func table(_ table: Table) -> String {
        self.table(titles: table.columns.map(\.title), rows: table.rows.count) { r, c in
            let row = table.rows[r]
            return c < row.count ? row[c] : .missing   // padded with missing cells
        }
    }

    /// A table given cell by cell (so a large result need not be built as rows first).
    static func table(titles: [String], rows: Int, cell: (_ row: Int, _ column: Int) -> Cell) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows * 8 * max(titles.count, 1))
        for (i, title) in titles.enumerated() {
            if i > 0 { out.append(comma) }
            appendField(title, to: &out)
        }
        out.append(lineFeed)
        for r in 0..<rows {
            for c in titles.indices {
                if c > 0 { out.append(comma) }
                switch cell(r, c) {
                case .missing: break
                case .integer(let integer): appendInteger(integer, to: &out)
                case .text(let text): appendField(text, to: &out)
                case let other: appendField(raw(other), to: &out)
                }
            }
            out.append(lineFeed)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lineFeed = UInt8(ascii: "\n")

    /// ``field(_:)`` of the text, appended as UTF-8.
    private static func appendField(_ text: String, to out: inout [UInt8]) {
        var text = text
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
                out.append(contentsOf: field(String(decoding: bytes, as: UTF8.self)).utf8)
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

    static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        return needsQuotes ? "\"" + text.replacingAll("\"", with: "\"\"") + "\"" : text
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
