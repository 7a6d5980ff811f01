import SamverkanCore

/// A bar chart drawn with block characters: per label, the label, a bar, the value.
///
/// Bars are scaled so the largest value fills the width left after the labels and values
/// (at least `minimumBarWidth`), in eighths of a column (`▏▎▍▌▋▊▉`). Zero and negative
/// values get no bar; a positive value too small to show gets the thinnest one.
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
        let largest = chart.values.prefix(count).max() ?? 0
        for index in 0..<count {
            let bar = Self.bar(chart.values[index], largest: largest, width: barWidth)
            let line = DisplayWidth.pad(labels[index], to: labelWidth) + " " + bar + (bar.isEmpty ? "" : " ") + values[index]
            lines.append(line)
        }
        return lines
    }

    /// `value`'s bar when `largest` fills `width` columns.
    static func bar(_ value: Double, largest: Double, width: Int) -> String {
        guard value > 0, largest > 0, value.isFinite, largest.isFinite else { return "" }
        let units = max(1, Int((value / largest * Double(width) * 8).rounded()))
        let remainder = units % 8
        return String(repeating: "█", count: units / 8) + (remainder > 0 ? eighths[remainder - 1] : "")
    }
}
