import SamverkanCore

/// A bar chart drawn with block characters: per label, the label, a bar, the value; with
/// several series, a line per series (its name before the bar), or one stacked bar.
///
/// Bars are scaled so the largest value fills the width left after the labels and values
/// (at least `minimumBarWidth`), in eighths of a column (`▏▎▍▌▋▊▉`). Zero gets no bar; a
/// positive value too small to show gets the thinnest one. When a value is negative, the bars
/// grow left and right of an axis (`│`) on one scale, negative ones in whole columns (there
/// are no right-aligned eighths to draw their ends with).
struct TextBarChart {
    static let minimumBarWidth = 10
    static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    let chart: Chart
    let width: Int
    /// The values the scale must hold when not the chart's own (every facet's).
    var scale: [Double]? = nil
    let formatter: CellFormatter
    let style: TextStyle

    /// Stacked segments, one fill per series, so they tell apart without colour.
    static let fills = ["█", "▓", "▒", "░"]

    func lines() -> [String] {
        var lines: [String] = []
        if let title = chart.title { lines.append(style.bold(title)) }
        let count = chart.x.count
        guard count > 0 else { return lines }
        let labelLimit = max(Self.minimumBarWidth, width / 3)
        let labels = chart.x.map { DisplayWidth.truncate(ChartAxes.xLabel($0), to: labelLimit) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        if chart.stacked && chart.series.count > 1 { return lines + stackedLines(labels: labels, labelWidth: labelWidth) }
        let names = chart.series.count > 1 ? chart.series.map { DisplayWidth.truncate($0.name ?? "", to: labelLimit / 2) } : [""]
        let nameWidth = chart.series.count > 1 ? (names.map { DisplayWidth.of($0) }.max() ?? 0) + 1 : 0
        let values = chart.x.indices.map { i in chart.series.map { s in s.values[i].map(text) ?? "" } }
        let valueWidth = values.joined().map { DisplayWidth.of($0) }.max() ?? 0
        let barWidth = max(Self.minimumBarWidth, width - labelWidth - nameWidth - valueWidth - 2)
        let finite = scale ?? chart.drawnValues
        let largest = finite.max() ?? 0, smallest = finite.min() ?? 0
        let axis = smallest < 0 ? Axis(smallest: smallest, largest: max(0, largest), width: barWidth - 1) : nil
        for index in 0..<count {
            for (s, series) in chart.series.enumerated() {
                let label = DisplayWidth.pad(s == 0 ? labels[index] : "", to: labelWidth)
                let name = nameWidth > 0 ? " " + DisplayWidth.pad(names[s], to: nameWidth - 1) : ""
                let value = series.values[index] ?? .nan
                let bar = series.values[index] == nil ? "" : axis?.bar(value) ?? Self.bar(value, largest: largest, width: barWidth)
                let line = label + name + " " + style.series(bar, chart.series.count > 1 ? s : 0) + (bar.isEmpty ? "" : " ") + values[index][s]
                lines.append(line.trimmingTrailingSpaces())
            }
        }
        return lines
    }

    /// One bar per label of each series' segment in its own fill (in whole columns), the
    /// total after it, and a legend of the fills. Negative values are left out of the bar
    /// (and named in the total's sum all the same).
    private func stackedLines(labels: [String], labelWidth: Int) -> [String] {
        let totals = chart.x.indices.map { i in chart.series.reduce(0.0) { $0 + ($1.values[i].map { $0.isFinite ? $0 : 0 } ?? 0) } }
        let texts = totals.map(text)
        let valueWidth = texts.map { DisplayWidth.of($0) }.max() ?? 0
        let barWidth = max(Self.minimumBarWidth, width - labelWidth - valueWidth - 2)
        let largest = chart.x.indices.map { i in chart.series.reduce(0.0) { $0 + max(0, $1.values[i] ?? 0) } }.max() ?? 0
        var lines: [String] = []
        for i in chart.x.indices {
            var bar = ""
            var used = 0.0
            for (s, series) in chart.series.enumerated() {
                guard let v = series.values[i], v > 0, v.isFinite, largest > 0 else { continue }
                let before = Self.columns(used / largest * Double(barWidth), in: 0...barWidth)
                used += v
                let after = Self.columns(used / largest * Double(barWidth), in: 0...barWidth)
                bar += style.series(String(repeating: Self.fills[s % Self.fills.count], count: after - before), s)
            }
            lines.append((DisplayWidth.pad(labels[i], to: labelWidth) + " " + bar + (bar.isEmpty ? "" : " ") + texts[i]).trimmingTrailingSpaces())
        }
        lines.append(chart.series.enumerated().map { s, series in
            style.series(Self.fills[s % Self.fills.count], s) + " " + (series.name ?? "")
        }.joined(separator: "  "))
        return lines
    }

    private func text(_ v: Double) -> String { formatter.format(v, as: chart.y.format, decimals: chart.y.decimals) }

    /// Bars on both sides of an axis: `left` columns for the negative values, the rest of
    /// `width` for the positive ones, one scale for both.
    struct Axis {
        let smallest: Double
        let largest: Double
        let left: Int
        let right: Int

        init(smallest: Double, largest: Double, width: Int) {
            self.smallest = smallest
            self.largest = largest
            // In units of the largest magnitude, so that -1e308 … 1e308 does not overflow.
            let scale = Swift.max(-smallest, largest)
            let fraction = (-smallest / scale) / (largest / scale - smallest / scale)
            left = TextBarChart.columns(Double(width) * fraction, in: 1...Swift.max(1, width - 1))
            right = width - left
        }

        func bar(_ value: Double) -> String {
            guard value.isFinite else { return String(repeating: " ", count: left) + "│" }
            if value < 0 {
                let columns = TextBarChart.columns(value / smallest * Double(left), in: 1...left)
                return String(repeating: " ", count: left - columns) + String(repeating: "█", count: columns) + "│"
            }
            return String(repeating: " ", count: left) + "│" + TextBarChart.bar(value, largest: largest, width: right)
        }
    }

    /// `value`'s bar when `largest` fills `width` columns.
    static func bar(_ value: Double, largest: Double, width: Int) -> String {
        guard value > 0, largest > 0, value.isFinite, largest.isFinite else { return "" }
        let units = columns(value / largest * Double(width) * 8, in: 1...Swift.max(1, width * 8))
        let remainder = units % 8
        return String(repeating: "█", count: units / 8) + (remainder > 0 ? eighths[remainder - 1] : "")
    }

    /// `x` rounded to a whole number of columns within `range`; Double to Int traps on what
    /// does not fit, so the value is clamped first (NaN counts as the least).
    static func columns(_ x: Double, in range: ClosedRange<Int>) -> Int {
        guard x == x else { return range.lowerBound }
        return Int(Swift.min(Swift.max(x.rounded(), Double(range.lowerBound)), Double(range.upperBound)))
    }
}
