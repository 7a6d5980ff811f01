import SamverkanCore

/// The output formats of `samverkan report --format` (SPEC §7.3).
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Aligned tables and block-character bar charts for a terminal or a CI log.
    case text
    /// GitHub-flavoured Markdown for a memo or a wiki.
    case markdown
    /// One self-contained HTML file: inline CSS and SVG, no scripts, no network.
    case html
    /// The document model with raw values.
    case json
    /// The report's tables only, with raw values.
    case csv

    /// The usual file name extension, without the dot (`md` for Markdown).
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        case .csv: "csv"
        }
    }
}

/// The output formats of `samverkan query --format` (SPEC §7.3).
public enum QueryFormat: String, CaseIterable, Sendable {
    /// The aligned table, without a title.
    case text
    /// A header row of column titles, then raw values.
    case csv
    /// An array of objects keyed by column title, raw values.
    case json
    /// A GitHub-flavoured Markdown table.
    case markdown
}

/// Renders a report document in one output format.
///
/// Text, Markdown and HTML write numbers, percentages and dates per `options.locale`;
/// JSON and CSV keep raw values. `geometry` supplies area boundaries for maps: HTML draws
/// them, text and Markdown use its area names; without it maps become ranked tables.
/// Every non-empty result ends with a newline.
public func render(
    _ document: ReportDocument,
    as format: ReportFormat,
    options: RenderOptions = RenderOptions(),
    geometry: (any GeometryProvider)? = nil
) -> String {
    switch format {
    case .text: TextRenderer(options: options, geometry: geometry).render(document)
    case .markdown: MarkdownRenderer(options: options, geometry: geometry).render(document)
    case .html: HTMLRenderer(options: options, geometry: geometry).render(document)
    case .json: DocumentJSON.value(of: document).pretty() + "\n"
    case .csv: CSVWriter.document(document, locale: options.locale)
    }
}

/// The result of `samverkan query` as CSV, given cell by cell: the same text as
/// `renderTable(_:as: .csv)` of the table with these titles and cells, without the table.
public func renderCSV(titles: [String], rows: Int, dialect: CSVDialectName = .rfc4180,
                      cell: (_ row: Int, _ column: Int) -> Cell) -> String {
    let style = CSVWriter.Style(dialect)
    return (style.byteOrderMark ? "\u{FEFF}" : "") + CSVWriter.table(titles: titles, rows: rows, style: style, cell: cell)
}

/// A report's tables as CSV in one dialect (see `CSVWriter`).
public func renderCSV(_ document: ReportDocument, dialect: CSVDialectName, locale: OutputLocale = .sv) -> String {
    CSVWriter.document(document, dialect: dialect, locale: locale)
}

/// Renders the result table of `samverkan query` in one output format.
public func renderTable(_ table: Table, as format: QueryFormat, options: RenderOptions = RenderOptions()) -> String {
    switch format {
    case .text:
        var untitled = table.visibleText()
        untitled.title = nil
        return TextTableLayout(table: untitled, options: options).lines().joined(separator: "\n") + "\n"
    case .csv:
        return CSVWriter.table(table)
    case .json:
        return DocumentJSON.records(of: table).pretty() + "\n"
    case .markdown:
        return MarkdownTable(table, formatter: CellFormatter(locale: options.locale)).lines().joined(separator: "\n") + "\n"
    }
}
