import SamverkanCore

/// Charts as the tables of their data: how Markdown shows a chart, and what CSV and
/// workbooks keep of it.
extension Chart {
    func dataTable(phrases: RenderPhrases) -> Table {
        dataTable(defaultXTitle: phrases.xColumn) { series.count == 1 ? phrases.value : phrases.seriesName($0) }
    }
}

extension SmallMultiples {
    /// One table: the x column, then per facet its series (`Blekinge` for a facet of one
    /// unnamed series, else `Blekinge: 2024`).
    func dataTable(phrases: RenderPhrases) -> Table {
        guard let first = charts.first else { return Table(title: title, columns: []) }
        var table = first.dataTable(phrases: phrases)
        table.title = title
        table.columns = [table.columns[0]]
        table.rows = first.x.map { [$0] }
        for chart in charts {
            for (s, series) in chart.series.enumerated() {
                let facet = chart.title ?? ""
                let name = chart.series.count == 1 && series.name == nil ? facet
                    : facet + ": " + (series.name ?? phrases.seriesName(s))
                table.columns.append(Column(title: name, format: chart.y.format, decimals: chart.y.decimals))
                for i in table.rows.indices {
                    table.rows[i].append(series.value(at: i).map(Cell.init(chartValue:)) ?? .missing)
                }
            }
        }
        return table
    }
}

extension Block {
    /// The table a data format (CSV, a workbook) keeps of this block: a table as it is, a
    /// chart's or small multiples' data; nil for the others.
    func dataTable(phrases: RenderPhrases) -> Table? {
        switch self {
        case .table(let table): table
        case .chart(let chart): chart.dataTable(phrases: phrases)
        case .charts(let multiples): multiples.dataTable(phrases: phrases)
        default: nil
        }
    }
}
