import SamverkanCore

/// Lays out a table in fixed-width columns: an optional title, the header, a rule of `─`,
/// then the rows (or a "(no rows)" line).
///
/// Columns are two spaces apart and share `width` as ``TextColumnWidths`` decides; cells
/// that do not fit their column wrap onto more lines (``TextWrapper``), so nothing is lost.
/// Without a width (output that is not a terminal), nothing wraps. Lines carry no trailing
/// spaces.
struct TextTableLayout {
    static let separator = "  "

    /// The most bytes a table is laid out to with its columns aligned. Padding multiplies:
    /// one 4 MB cell in a column of 250 rows pads every row to 4 MB (1 GB). Past this the
    /// rows are written unpadded, and a line under the table says so.
    static let maximumAlignedBytes = 64 << 20

    let table: FormattedTable
    let width: Int
    let phrases: RenderPhrases
    let style: TextStyle

    init(table: FormattedTable, options: RenderOptions) {
        self.table = table
        width = options.width ?? .max
        phrases = RenderPhrases(locale: options.locale)
        style = TextStyle(color: options.color)
    }

    init(table: Table, options: RenderOptions) {
        self.init(table: FormattedTable(table, formatter: CellFormatter(locale: options.locale)), options: options)
    }

    func lines() -> [String] {
        var lines: [String] = []
        if let title = table.title { lines.append(style.bold(title)) }
        let widths = columnWidths()
        guard !widths.isEmpty else { return lines + [phrases.noRows] }
        let header = table.headers.indices.map { FormattedCell(text: table.headers[$0], isNumeric: table.numericColumns[$0]) }
        lines += layout(header, widths: widths)
        lines.append(String(repeating: "─", count: widths.reduce(0, +) + Self.separator.count * (widths.count - 1)))
        if table.rows.isEmpty { lines.append(phrases.noRows) }
        let aligned = (table.rows.count + 2).multipliedReportingOverflow(by: widths.reduce(0, +) + Self.separator.count * widths.count)
        if aligned.overflow || aligned.partialValue > Self.maximumAlignedBytes {
            for row in table.rows { lines.append(row.map(\.text).joined(separator: Self.separator)) }
            lines.append(phrases.notAligned(aligned.overflow ? Int.max >> 20 : aligned.partialValue >> 20))
            return lines
        }
        for row in table.rows { lines += layout(row, widths: widths) }
        return lines
    }

    /// Column widths that fit `width` where they can (see ``TextColumnWidths``).
    func columnWidths() -> [Int] {
        TextColumnWidths(table: table).fit(width, separatorWidth: DisplayWidth.of(Self.separator))
    }

    /// One table row as one or more lines, each cell wrapped to its column.
    private func layout(_ row: [FormattedCell], widths: [Int]) -> [String] {
        let wrapped = row.indices.map { TextWrapper.wrap(row[$0].text, width: widths[$0]) }
        let height = wrapped.map(\.count).max() ?? 1
        return (0..<height).map { line in
            let cells = row.indices.map { index in
                DisplayWidth.pad(line < wrapped[index].count ? wrapped[index][line] : "",
                                 to: widths[index], alignRight: row[index].isNumeric)
            }
            return cells.joined(separator: Self.separator).trimmingTrailingSpaces()
        }
    }
}
