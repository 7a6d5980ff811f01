import SamverkanCore

/// A report as GitHub-flavoured Markdown, for a memo, an issue or a wiki page.
///
/// `# title`, `## heading`, paragraphs, `- ` lists, facts as a list of
/// `**Label:** value`, tables as GFM tables (a table's title as a bold line above it, an
/// empty table followed by "(no rows)"). Markdown cannot draw, so a bar chart is a
/// label/value table and a map a code/area/value table ranked by value, each with a note
/// pointing to the HTML format. Blocks are separated by one empty line. All script text
/// is escaped (``MarkdownEscaping``) so it prints as written.
struct MarkdownRenderer {
    let geometry: (any GeometryProvider)?
    let formatter: CellFormatter

    init(options: RenderOptions, geometry: (any GeometryProvider)?) {
        self.geometry = geometry
        formatter = CellFormatter(locale: options.locale)
    }

    func render(_ document: ReportDocument) -> String {
        guard !document.blocks.isEmpty else { return "" }
        return document.blocks.map { lines(for: $0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    func lines(for block: Block) -> [String] {
        switch block {
        case .title(let text): ["# " + Self.oneLine(text)]
        case .heading(let text): ["## " + Self.oneLine(text)]
        case .paragraph(let text): [MarkdownEscaping.paragraph(text)]
        case .list(let items): items.map { "- " + Self.oneLine($0) }
        case .facts(let facts):
            facts.map { "- **\(Self.oneLine($0.label)):** " + Self.oneLine(formatter.format($0.value, as: $0.format).text) }
        case .table(let table):
            titled(table.title, MarkdownTable(table, formatter: formatter).lines()
                + (table.rows.isEmpty ? ["", "_\(formatter.phrases.noRows)_"] : []))
        case .chart(let chart):
            titled(chart.title, MarkdownTable(chart.dataTable(phrases: formatter.phrases), formatter: formatter).lines()
                + ["", "_\(formatter.phrases.chartNote)_"])
        case .charts(let multiples):
            titled(multiples.title, MarkdownTable(multiples.dataTable(phrases: formatter.phrases), formatter: formatter).lines()
                + ["", "_\(formatter.phrases.sameScale) \(formatter.phrases.chartNote)_"])
        case .map(let map):
            titled(map.title, MarkdownTable(MapRanking(map, geometry: geometry).table(map, formatter: formatter)).lines()
                + ["", "_\(formatter.phrases.mapNote)_"])
        }
    }

    private func titled(_ title: String?, _ lines: [String]) -> [String] {
        guard let title else { return lines }
        return ["**\(Self.oneLine(title))**", ""] + lines
    }

    /// Headings, list items and facts end at a line break: one line, escaped.
    static func oneLine(_ text: String) -> String {
        MarkdownEscaping.inline(text)
    }
}
