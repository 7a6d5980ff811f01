import SamverkanCore

/// A horizontal bar chart as inline SVG: per label, the label, a `<rect>` per series scaled
/// to the largest value, the formatted value, and a `<title>` for hover. Several series are
/// grouped (a bar each, side by side in the series' colours) or `stacked` (segments of one
/// bar, its total written at the end), with a legend above. When a value is negative, bars
/// grow left (class `bar negative`, one series) and right of a zero axis, on one scale.
///
/// Labels longer than a third of the width are cut with `…` (the full label stays in the
/// hover title).
struct SVGBarChart {
    let chart: Chart
    /// The values the scale must hold (every facet's, in small multiples).
    let scale: [Double]
    let frame: SVGChartFrame
    let formatter: CellFormatter

    private var f: Double { frame.fontSize }
    private var barHeight: Double { f + 4 }

    func svg() -> String {
        let count = chart.x.count
        let labels = chart.x.map(ChartAxes.xLabel)
        let shown = labels.map { DisplayWidth.truncate($0, to: Int(frame.width / 3 / (f * 0.6))) }
        let grouped = chart.series.count > 1 && !chart.stacked
        let perLabel = grouped ? chart.series.count : 1
        let texts = valueTexts()
        let labelWidth = (shown.map { SVGText.width($0, size: f) }.max() ?? 0) + 10
        let valueWidth = (texts.joined().map { SVGText.width($0, size: f) }.max() ?? 0) + 12
        let barSpace = Swift.max(40, frame.width - labelWidth - valueWidth)
        let values = scale
        let largest = Swift.max(0, values.max() ?? 0), smallest = Swift.min(0, values.min() ?? 0)
        // In units of the largest magnitude, so that -1e308 … 1e308 does not overflow.
        let unit = Swift.max(largest, -smallest)
        let span = unit > 0 ? largest / unit - smallest / unit : 0
        func width(_ v: Double) -> Double { span > 0 && v.isFinite && v != 0 ? Swift.max(1, abs(v) / unit / span * barSpace) : 0 }
        let zero = labelWidth + (span > 0 ? barSpace * (-smallest / unit) / span : 0)
        let named = chart.series.count > 1 ? chart.series.map { $0.name ?? "" } : []
        let legend = frame.legend(named)
        let top = legend.height + (legend.height > 0 ? 8 : 0)
        let rowHeight = Double(perLabel) * barHeight + 8
        let height = top + Double(count) * rowHeight + 8
        var lines = SVGText.open(width: frame.width, height: height, label: chart.title,
                                 description: description(), className: "chart bar-chart")
        for (i, name) in named.enumerated() {
            let (x, y) = legend.positions[i]
            lines.append("<g class=\"legend\"><rect x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y + 2))\" width=\"16\" height=\"\(SVGNumber.text(f))\""
                + " fill=\"\(color(i))\"/>" + SVGText.element(name, x: x + 22, y: y + f) + "</g>")
        }
        for index in 0..<count {
            let rowTop = top + 4 + Double(index) * rowHeight
            var group = ["<g>", SVGText.element(shown[index], x: labelWidth - 8, y: rowTop + Double(perLabel) * barHeight / 2 + f * 0.35,
                                                "text-anchor=\"end\"") ]
            if chart.stacked && chart.series.count > 1 {
                var up = zero, down = zero, total = 0.0
                for (s, series) in chart.series.enumerated() {
                    guard let v = series.values[index], v.isFinite, v != 0 else { continue }
                    let w = width(v)
                    let x = v < 0 ? down - w : up
                    if v < 0 { down -= w } else { up += w }
                    total += v
                    group.append(rect(x: x, y: rowTop, width: w, fill: color(s), tip: "\(labels[index]), \(series.name ?? ""): \(text(v))"))
                }
                group.append(SVGText.element(text(total), x: up + 6, y: rowTop + barHeight / 2 + f * 0.35))
            } else {
                for (s, series) in chart.series.enumerated() {
                    let y = rowTop + Double(s) * barHeight
                    let v = series.values[index]
                    let w = v.map(width) ?? 0
                    let negative = (v ?? 0) < 0 && w > 0
                    let tip = labels[index] + (series.name.map { ", " + $0 } ?? "") + ": " + texts[index][s]
                    group.append(rect(x: negative ? zero - w : zero, y: y, width: w,
                                      fill: chart.series.count > 1 ? color(s) : nil, negative: negative, tip: tip))
                    group.append(SVGText.element(texts[index][s], x: zero + (negative ? 0 : w) + 6, y: y + barHeight / 2 + f * 0.35))
                }
            }
            group.append("</g>")
            lines.append(group.joined())
        }
        if smallest < 0 {
            lines.append("<line class=\"axis\" x1=\"\(SVGNumber.text(zero))\" y1=\"\(SVGNumber.text(top))\" x2=\"\(SVGNumber.text(zero))\""
                + " y2=\"\(SVGNumber.text(height - 2))\"/>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    private func color(_ s: Int) -> String {
        ChartPalette.color(s, name: chart.series[s].name, highlight: chart.highlight)
    }

    private func text(_ v: Double) -> String { formatter.format(v, as: chart.y.format, decimals: chart.y.decimals) }

    /// Per label, per series: the value as written (empty for a gap).
    private func valueTexts() -> [[String]] {
        chart.x.indices.map { i in chart.series.map { $0.values[i].map(text) ?? "" } }
    }

    private func rect(x: Double, y: Double, width: Double, fill: String?, negative: Bool = false, tip: String) -> String {
        let fillAttribute = fill.map { " fill=\"\($0)\"" } ?? ""
        let className = fill != nil ? "segment" : negative ? "bar negative" : "bar"
        return "<rect class=\"\(className)\"\(fillAttribute) x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y + 2))\""
            + " width=\"\(SVGNumber.text(width))\" height=\"\(SVGNumber.text(barHeight - 4))\"><title>\(HTMLEscaping.escape(tip))</title></rect>"
    }

    private func description() -> String {
        let values = chart.series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        return formatter.phrases.describeChart(.bar, chart.series.count, "", values.min().map(text) ?? "–", values.max().map(text) ?? "–")
    }
}
