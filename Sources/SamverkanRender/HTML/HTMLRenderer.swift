import SamverkanCore

/// A report as one self-contained HTML file: inline CSS (``HTMLStyle``), charts and maps as
/// inline SVG, no scripts, and no reference to anything outside the file, so it opens
/// offline, mails as one attachment and prints cleanly.
///
/// Every piece of text is escaped. Numeric table cells get `class="num"` (right-aligned).
/// Maps are drawn from `geometry`; without boundaries for the map's level they become a
/// ranked code/area/value table.
struct HTMLRenderer {
    let options: RenderOptions
    let geometry: (any GeometryProvider)?
    let formatter: CellFormatter

    init(options: RenderOptions, geometry: (any GeometryProvider)?) {
        self.options = options
        self.geometry = geometry
        formatter = CellFormatter(locale: options.locale)
    }

    func render(_ document: ReportDocument) -> String {
        let title = document.blocks.lazy.compactMap { block -> String? in
            if case .title(let text) = block { return text }
            return nil
        }.first ?? formatter.phrases.untitledReport
        var lines = [
            "<!doctype html>",
            "<html lang=\"\(options.locale.rawValue)\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLEscaping.escape(title))</title>",
            "<style>",
            HTMLStyle.css,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
        ]
        lines += document.blocks.map(html)
        lines += ["</main>", "</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    func html(for block: Block) -> String {
        let escape = HTMLEscaping.escape
        switch block {
        case .title(let text): return "<h1>\(escape(text))</h1>"
        case .heading(let text): return "<h2>\(escape(text))</h2>"
        case .paragraph(let text): return "<p>\(Self.withBreaks(text))</p>"
        case .list(let items): return (["<ul>"] + items.map { "<li>\(escape($0))</li>" } + ["</ul>"]).joined(separator: "\n")
        case .facts(let facts):
            let rows = facts.map { "<div><dt>\(escape($0.label))</dt><dd>\(escape(formatter.format($0.value, as: $0.format).text))</dd></div>" }
            return (["<dl class=\"facts\">"] + rows + ["</dl>"]).joined(separator: "\n")
        case .table(let table): return tableHTML(FormattedTable(table, formatter: formatter))
        case .chart(let chart): return SVGChartFigure.html(chart, formatter: formatter)
        case .charts(let multiples): return SVGChartFigure.html(multiples, formatter: formatter)
        case .map(let map):
            if let shapes = geometry?.boundaries(for: map.level), !shapes.isEmpty {
                let outlines = map.level == .municipalities ? geometry?.boundaries(for: .regions) ?? [] : []
                return SVGChoropleth(map: map, shapes: shapes, outlines: outlines, formatter: formatter).html()
            }
            var table = MapRanking(map, geometry: geometry).table(map, formatter: formatter)
            table.title = map.title
            return tableHTML(table)
        }
    }

    private func tableHTML(_ table: FormattedTable) -> String {
        let escape = HTMLEscaping.escape
        func attribute(_ numeric: Bool) -> String { numeric ? " class=\"num\"" : "" }
        var lines = ["<table>"]
        if let title = table.title { lines.append("<caption>\(escape(title))</caption>") }
        lines.append("<thead><tr>" + table.headers.indices.map {
            "<th\(attribute(table.numericColumns[$0]))>\(escape(table.headers[$0]))</th>"
        }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        if table.rows.isEmpty {
            lines.append("<tr><td class=\"empty\" colspan=\"\(max(1, table.headers.count))\">\(escape(formatter.phrases.noRows))</td></tr>")
        }
        for row in table.rows {
            lines.append("<tr>" + row.map { "<td\(attribute($0.isNumeric))>\(escape($0.text))</td>" }.joined() + "</tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines.joined(separator: "\n")
    }

    /// Escaped text with its line breaks kept as `<br>`.
    static func withBreaks(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { HTMLEscaping.escape(String($0)) }
            .joined(separator: "<br>\n")
    }
}
