import SamverkanCore

/// Where a chart's values go, shared by the SVG and the text renderers (and by every facet
/// of small multiples, so they draw on one scale).
struct ChartAxes {
    /// The value axis.
    let y: ChartTicks
    /// The x positions as fractions of the width: to scale when every x is a number (years),
    /// else evenly spaced.
    let x: [Double]
    /// Numeric x: its domain and round ticks; nil for labels.
    let xTicks: ChartTicks?
    let chart: Chart

    /// `values` are what the scale must hold: the chart's own, or every facet's.
    init(_ chart: Chart, values: [Double], yTickCount: Int = 5, xTickCount: Int = 8) {
        self.chart = chart
        y = ChartTicks(covering: values, zero: chart.y.zero || chart.kind == .bar, count: yTickCount)
        if chart.numericX {
            let xs = chart.x.map { $0.double ?? 0 }
            let low = xs.min() ?? 0, high = xs.max() ?? 0
            let ticks = ChartTicks(inside: low, high, count: xTickCount)
            xTicks = ticks
            x = xs.map { high > low ? ($0 - low) / (high - low) : 0.5 }
        } else {
            xTicks = nil
            let n = chart.x.count
            x = (0..<n).map { n > 1 ? Double($0) / Double(n - 1) : 0.5 }
        }
    }

    /// A value axis tick as the reader sees it, with as many decimals as the ticks need.
    func yLabel(_ value: Double, formatter: CellFormatter) -> String {
        let decimals = chart.y.format == .percent ? Swift.max(0, y.decimals - 2) : y.decimals
        return formatter.format(value, as: chart.y.format == .text ? .number : chart.y.format, decimals: decimals)
    }

    /// A value as a tooltip or the legend gives it: the chart's own format and decimals.
    func valueText(_ value: Double, formatter: CellFormatter) -> String {
        formatter.format(value, as: chart.y.format, decimals: chart.y.decimals)
    }

    /// An x position's label: a number without grouping (`1950`), or the label.
    static func xLabel(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .integer(let i): String(i)
        case .number(let d): RawNumber.text(d)
        case .boolean(let b): String(b)
        case .missing: ""
        }
    }

    /// The first and last x labels: the span a description names (`1950–2024`).
    var xSpan: String {
        guard let first = chart.x.first, let last = chart.x.last else { return "" }
        return chart.x.count == 1 ? Self.xLabel(first) : Self.xLabel(first) + "–" + Self.xLabel(last)
    }
}

extension Chart {
    /// The series' indices in the order they are drawn: the highlighted one last, on top.
    var drawingOrder: [Int] {
        series.indices.sorted { a, b in
            (series[a].name == highlight ? 1 : 0, a) < (series[b].name == highlight ? 1 : 0, b)
        }
    }

    /// The last x index at which series `s` has a value, and that value.
    func lastValue(of s: ChartSeries) -> (index: Int, value: Double)? {
        for i in s.values.indices.reversed() { if let v = s.values[i], v.isFinite { return (i, v) } }
        return nil
    }
}
