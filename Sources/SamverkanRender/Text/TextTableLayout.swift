import SamverkanCore

/// Lays out a table in fixed-width columns: an optional title, the header, a rule of `─`,
/// then the rows (or a "(no rows)" line).
///
/// Fitting rule: each column starts as wide as its widest header or cell line, with two
/// spaces between columns. While the table is wider than `width`, the widest text column
/// is narrowed by one, never below `minimumColumnWidth` (or its own width); cells that no
/// longer fit are word-wrapped onto more lines, so nothing is lost. Numeric columns are
/// never narrowed (a cut number misleads), so a table of many wide numbers may stay wider
/// than `width`. Lines carry no trailing spaces.
struct TextTableLayout {
    static let minimumColumnWidth = 10
    static let separator = "  "

    let table: FormattedTable
    let width: Int
    let phrases: RenderPhrases
    let style: TextStyle

    init(table: FormattedTable, options: RenderOptions) {
        self.table = table
        width = options.width
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
        for row in table.rows { lines += layout(row, widths: widths) }
        return lines
    }

    /// Natural widths, then narrowed per the fitting rule.
    func columnWidths() -> [Int] {
        var widths = table.headers.indices.map { index in
            ([table.headers[index]] + table.rows.map { $0[index].text })
                .flatMap { $0.split(whereSeparator: \.isNewline) }
                .map { DisplayWidth.of($0) }
                .max() ?? 0
        }
        let separators = Self.separator.count * max(0, widths.count - 1)
        var excess = widths.reduce(0, +) + separators - width
        while excess > 0 {
            let candidates = widths.indices.filter { !table.numericColumns[$0] && widths[$0] > Self.minimumColumnWidth }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        return widths
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
