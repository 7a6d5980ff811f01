import SamverkanCore

/// A bar chart drawn with block characters: per label, the label, a bar, the value.
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
    let formatter: CellFormatter
    let style: TextStyle

    func lines() -> [String] {
        var lines: [String] = []
        if let title = chart.title { lines.append(style.bold(title)) }
        let count = min(chart.labels.count, chart.values.count)
        guard count > 0 else { return lines }
        let labelLimit = max(Self.minimumBarWidth, width / 3)
        let labels = chart.labels.prefix(count).map { DisplayWidth.truncate($0, to: labelLimit) }
        let values = chart.values.prefix(count).map { formatter.format($0, as: chart.format, decimals: chart.decimals) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let valueWidth = values.map { DisplayWidth.of($0) }.max() ?? 0
        let barWidth = max(Self.minimumBarWidth, width - labelWidth - valueWidth - 2)
        let finite = chart.values.prefix(count).filter(\.isFinite)
        let largest = finite.max() ?? 0, smallest = finite.min() ?? 0
        let axis = smallest < 0 ? Axis(smallest: smallest, largest: max(0, largest), width: barWidth - 1) : nil
        for index in 0..<count {
            let value = chart.values[index]
            let bar = axis?.bar(value) ?? Self.bar(value, largest: largest, width: barWidth)
            let line = DisplayWidth.pad(labels[index], to: labelWidth) + " " + bar + (bar.isEmpty ? "" : " ") + values[index]
            lines.append(line)
        }
        return lines
    }

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
