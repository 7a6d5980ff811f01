import SamverkanCore

/// A report for a terminal or a log: plain lines wrapped to `options.width`, or not wrapped
/// at all without one.
///
/// Blocks are separated by one empty line. The title is underlined with `=`, headings with
/// `-`; lists use `• `; facts are laid out by ``TextFacts``, tables by ``TextTableLayout``,
/// bar charts by ``TextBarChart``. Text cannot draw a map, so a map is its title, a note
/// pointing to HTML, and its values ranked.
struct TextRenderer {
    let options: RenderOptions
    let geometry: (any GeometryProvider)?
    let formatter: CellFormatter
    let style: TextStyle

    init(options: RenderOptions, geometry: (any GeometryProvider)?) {
        self.options = options
        self.geometry = geometry
        formatter = CellFormatter(locale: options.locale)
        style = TextStyle(color: options.color)
    }

    /// Below 20, wrapping would make text unreadable rather than fit; `.max` wraps nothing.
    private var width: Int { options.width.map { max(20, $0) } ?? .max }

    /// Bars need a scale even where lines have no width.
    private var chartWidth: Int { options.width == nil ? RenderOptions.unwrappedChartWidth : width }

    func render(_ document: ReportDocument) -> String {
        guard !document.blocks.isEmpty else { return "" }
        let document = document.visibleText()
        return document.blocks.map { lines(for: $0).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    func lines(for block: Block) -> [String] {
        switch block {
        case .title(let text): underlined(text, with: "=")
        case .heading(let text): underlined(text, with: "-")
        case .paragraph(let text): TextWrapper.wrap(text, width: width)
        case .list(let items): items.flatMap { hanging(TextWrapper.wrap($0, width: width - 2), first: "• ") }
        case .facts(let facts): factLines(facts)
        case .table(let table):
            TextTableLayout(table: FormattedTable(table, formatter: formatter), options: options.with(width: width)).lines()
        case .chart(let chart): chartLines(chart, values: chart.drawnValues, small: false)
        case .charts(let multiples): multiplesLines(multiples)
        case .map(let map): mapLines(map)
        }
    }

    private func chartLines(_ chart: Chart, values: [Double], small: Bool) -> [String] {
        switch chart.kind {
        case .bar:
            return TextBarChart(chart: chart, width: chartWidth, scale: values, formatter: formatter, style: style).lines()
        case .line:
            let axes = ChartAxes(chart, values: values, yTickCount: small ? 2 : 5, xTickCount: small ? 4 : 8)
            return TextLineChart(chart: chart, axes: axes, width: min(chartWidth, small ? 60 : 100), height: small ? 5 : 12,
                                 formatter: formatter, style: style).lines(legend: !small || chart.series.count > 1)
        }
    }

    /// Each facet's small chart under its name, all on one scale, then the scale once.
    private func multiplesLines(_ multiples: SmallMultiples) -> [String] {
        var lines = multiples.title.map { [style.bold($0)] } ?? []
        let values = multiples.drawnValues
        for chart in multiples.charts {
            if !lines.isEmpty { lines.append("") }
            lines += chartLines(chart, values: values, small: true)
        }
        if let first = multiples.charts.first, first.kind == .line, first.series.count == 1 {
            let axes = ChartAxes(first, values: values, yTickCount: 2)
            lines.append("")
            lines.append(formatter.phrases.sameScale + " "
                + TextLineChart(chart: first, axes: axes, width: chartWidth, height: 5, formatter: formatter, style: style).rangeLine())
        } else {
            lines.append(formatter.phrases.sameScale)
        }
        return lines
    }

    private func underlined(_ text: String, with rule: Character) -> [String] {
        let lines = TextWrapper.wrap(text, width: width)
        let ruleWidth = lines.map { DisplayWidth.of($0) }.max() ?? 0
        return lines.map(style.bold) + [String(repeating: rule, count: max(1, ruleWidth))]
    }

    /// `first` before the first line, as many spaces before the others.
    private func hanging(_ lines: [String], first: String) -> [String] {
        let indent = String(repeating: " ", count: DisplayWidth.of(first))
        return lines.enumerated().map { ($0.offset == 0 ? first : indent) + $0.element }.map { $0.trimmingTrailingSpaces() }
    }

    private func factLines(_ facts: [Fact]) -> [String] {
        TextFacts(facts: facts.map { ($0.label, formatter.format($0.value, as: $0.format).text) }, width: width).lines()
    }

    private func mapLines(_ map: MapSpec) -> [String] {
        var lines = map.title.map { [style.bold($0)] } ?? []
        lines.append(formatter.phrases.mapNote)
        let entries = MapRanking(map, geometry: geometry).entries
        let rankWidth = String(entries.count).count + 1
        let names = entries.map { $0.name ?? $0.code }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        let values = entries.map { formatter.format($0.value, as: map.format, decimals: map.decimals) }
        let valueWidth = values.map { DisplayWidth.of($0) }.max() ?? 0
        for index in entries.indices {
            lines.append(DisplayWidth.pad("\(index + 1).", to: rankWidth, alignRight: true) + " "
                + DisplayWidth.pad(names[index], to: nameWidth) + "  "
                + DisplayWidth.pad(values[index], to: valueWidth, alignRight: true))
        }
        return lines
    }
}

extension RenderOptions {
    /// A copy with another width.
    func with(width: Int?) -> RenderOptions {
        var copy = self
        copy.width = width
        return copy
    }
}
