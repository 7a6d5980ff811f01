import SamverkanCore

/// A line chart as inline SVG: one line per series over the x positions (to scale when they
/// are numbers, like years), with a legend above, horizontal grid lines at round values
/// labelled in the run's locale, x ticks, the series' names at the lines' ends where they
/// fit (pushed apart, with a leader, when ends lie close), and per point a `<title>` with
/// the exact value for hover. A missing value (`nil`) breaks the line; a point standing
/// alone between gaps is drawn as a dot. The `<svg>` has `role="img"`, a `<title>` and a
/// `<desc>` that says in words what it shows.
struct SVGLineChart {
    let chart: Chart
    let axes: ChartAxes
    let frame: SVGChartFrame
    let formatter: CellFormatter

    /// Past this many points in all, the points get no hover circles (their lines stay).
    static let maximumHoverPoints = 5_000

    func svg() -> String {
        let f = frame.fontSize
        let named = chart.series.compactMap(\.name)
        let legend = frame.legend(chart.series.count > 1 ? named : [])
        let yLabels = axes.y.values.map { axes.yLabel($0, formatter: formatter) }
        let left = (yLabels.map { SVGText.width($0, size: f) }.max() ?? 0) + 10
        let ends = frame.directLabels && named.count == chart.series.count && named.count > 1
            && Double(named.count) * (f + 2) <= frame.plotHeight
        let labelWidth = ends ? Swift.min(24 * f * 0.6, named.map { SVGText.width($0, size: f) }.max() ?? 0) + 22 : 0
        let right = frame.width - Swift.max(16, labelWidth)
        let top = legend.height + (legend.height > 0 ? 10 : 0) + f * 0.6
        let bottom = top + frame.plotHeight
        let height = bottom + f + 12
        // The scale as plain numbers: closures over `axes` would copy the chart per point.
        let xs = axes.x, low = axes.y.lower, span = axes.y.upper > axes.y.lower ? axes.y.upper - axes.y.lower : 0
        func px(_ i: Int) -> Double { left + xs[i] * (right - left) }
        func py(_ v: Double) -> Double { bottom - (span > 0 ? (v - low) / span : 0.5) * (bottom - top) }

        var lines = SVGText.open(width: frame.width, height: height, label: chart.title,
                                 description: description(), className: "chart line-chart")
        for (i, name) in (chart.series.count > 1 ? named : []).enumerated() {
            let (x, y) = legend.positions[i]
            let color = ChartPalette.color(i, name: name, highlight: chart.highlight)
            lines.append("<g class=\"legend\"><line x1=\"\(SVGNumber.text(x))\" y1=\"\(SVGNumber.text(y + f * 0.6))\" x2=\"\(SVGNumber.text(x + 20))\""
                + " y2=\"\(SVGNumber.text(y + f * 0.6))\" stroke=\"\(color)\" stroke-width=\"3\"/>"
                + SVGText.element(name, x: x + 26, y: y + f) + "</g>")
        }
        lines.append("<g class=\"grid\">")
        for (value, label) in zip(axes.y.values, yLabels) {
            let y = py(value)
            // The bottom is the x axis, drawn below; zero inside the domain gets an axis line.
            if value == axes.y.lower {
                lines.append(SVGText.element(label, x: left - 6, y: y + f * 0.35, "text-anchor=\"end\" class=\"tick\""))
                continue
            }
            lines.append("<line class=\"\(value == 0 ? "axis" : "grid")\" x1=\"\(SVGNumber.text(left))\" y1=\"\(SVGNumber.text(y))\""
                + " x2=\"\(SVGNumber.text(right))\" y2=\"\(SVGNumber.text(y))\"/>"
                + SVGText.element(label, x: left - 6, y: y + f * 0.35, "text-anchor=\"end\" class=\"tick\""))
        }
        lines.append("<line class=\"axis\" x1=\"\(SVGNumber.text(left))\" y1=\"\(SVGNumber.text(bottom))\" x2=\"\(SVGNumber.text(right))\" y2=\"\(SVGNumber.text(bottom))\"/>")
        for (x, label) in xTicks(left: left, right: right) {
            lines.append("<line class=\"axis\" x1=\"\(SVGNumber.text(x))\" y1=\"\(SVGNumber.text(bottom))\" x2=\"\(SVGNumber.text(x))\" y2=\"\(SVGNumber.text(bottom + 5))\"/>"
                + SVGText.element(label, x: x, y: bottom + f + 6, "text-anchor=\"middle\" class=\"tick\""))
        }
        lines.append("</g>")
        let order = chart.drawingOrder
        let showPoints = chart.x.count <= 25
        // Hover points only while they stay few: a chart of a million points is a line.
        let hoverPoints = chart.x.count * chart.series.count <= Self.maximumHoverPoints
        for s in order {
            let series = chart.series[s]
            let color = ChartPalette.color(s, name: series.name, highlight: chart.highlight)
            let strong = chart.highlight == nil || series.name == chart.highlight
            var path = "", pen = false
            var last = (x: -Double.infinity, y: -Double.infinity)
            var points: [String] = []
            for i in chart.x.indices {
                guard let value = series.values[i], value.isFinite else { pen = false; continue }
                let alone = (i == 0 || series.values[i - 1] == nil) && (i == chart.x.count - 1 || series.values[i + 1] == nil)
                let point = (x: px(i), y: py(value))
                // A point within half a unit of the last one drawn adds bytes, not ink.
                if pen && !alone && abs(point.x - last.x) < 0.5 && abs(point.y - last.y) < 0.5 { continue }
                last = point
                let x = SVGNumber.text(point.x), y = SVGNumber.text(point.y)
                path += (pen ? "L" : "M") + x + " " + y
                pen = true
                guard hoverPoints || alone else { continue }
                let tip = (series.name.map { $0 + ", " } ?? "") + ChartAxes.xLabel(chart.x[i]) + ": " + axes.valueText(value, formatter: formatter)
                points.append("<circle class=\"\(alone || showPoints ? "dot" : "pt")\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(alone || showPoints ? 3.5 : 5)\" fill=\"\(color)\">"
                    + "<title>\(HTMLEscaping.escape(tip))</title></circle>")
            }
            lines.append("<g class=\"series\">")
            if !path.isEmpty {
                lines.append("<path class=\"line\" d=\"\(path)\" stroke=\"\(color)\" stroke-width=\"\(SVGNumber.text(strong ? (chart.highlight == nil ? 2.5 : 4) : 1.5))\"/>")
            }
            lines += points
            lines.append("</g>")
        }
        if ends { lines += endLabels(top: top, bottom: bottom, right: right, px: px, py: py) }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// The x ticks with their labels: round values of a numeric x, or the labels (every
    /// k-th, so they do not overlap).
    private func xTicks(left: Double, right: Double) -> [(x: Double, label: String)] {
        let width = right - left
        if let ticks = axes.xTicks {
            let low = ticks.lower, high = ticks.upper
            return ticks.values.map { v in
                (left + (high > low ? (v - low) / (high - low) : 0.5) * width, RawNumber.text(v))
            }
        }
        let labels = chart.x.map(ChartAxes.xLabel)
        let widest = (labels.map { SVGText.width($0, size: frame.fontSize) }.max() ?? 0) + 12
        let every = Swift.max(1, Int((widest * Double(labels.count) / Swift.max(1, width)).rounded(.up)))
        return labels.indices.filter { $0 % every == 0 }.map { (left + axes.x[$0] * width, labels[$0]) }
    }

    /// Each series' name right of the plot, at the height of its last value, moved apart
    /// where ends lie closer than a line of text; a leader joins a moved label to its line.
    private func endLabels(top: Double, bottom: Double, right: Double,
                           px: (Int) -> Double, py: (Double) -> Double) -> [String] {
        let f = frame.fontSize, gap = f + 2
        let ends = chart.series.indices.compactMap { s -> (series: Int, index: Int, y: Double)? in
            chart.lastValue(of: chart.series[s]).map { (s, $0.index, py($0.value)) }
        }.sorted { $0.y < $1.y }
        var placed = ends.map(\.y)
        for i in placed.indices.dropFirst() { placed[i] = Swift.max(placed[i], placed[i - 1] + gap) }
        if let last = placed.last, last > bottom + f / 2 {
            placed[placed.count - 1] = bottom + f / 2
            for i in placed.indices.reversed().dropFirst() { placed[i] = Swift.min(placed[i], placed[i + 1] - gap) }
        }
        var lines = ["<g class=\"end-labels\">"]
        for (k, end) in ends.enumerated() {
            let name = chart.series[end.series].name ?? ""
            let color = ChartPalette.color(end.series, name: name, highlight: chart.highlight)
            let y = placed[k]
            lines.append("<path class=\"leader\" d=\"M\(SVGNumber.text(px(end.index) + 4)) \(SVGNumber.text(end.y))"
                + "L\(SVGNumber.text(right + 6)) \(SVGNumber.text(y))L\(SVGNumber.text(right + 14)) \(SVGNumber.text(y))\" stroke=\"\(color)\"/>"
                + SVGText.element(DisplayWidth.truncate(name, to: 24), x: right + 18, y: y + f * 0.35))
        }
        lines.append("</g>")
        return lines
    }

    private func description() -> String {
        let values = chart.drawnValues
        let low = values.min().map { axes.valueText($0, formatter: formatter) } ?? "–"
        let high = values.max().map { axes.valueText($0, formatter: formatter) } ?? "–"
        return formatter.phrases.describeChart(chart.kind, chart.series.count, axes.xSpan, low, high)
    }
}
