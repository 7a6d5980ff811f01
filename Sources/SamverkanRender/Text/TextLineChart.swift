import SamverkanCore

/// A line chart for a terminal, drawn in braille (each character a 2 × 4 grid of dots), that
/// fits `width` columns: the value axis labelled at its round ticks on the left, the x span
/// below, each series' name at the height of its last value on the right where there is
/// room, and a legend of the series with their last values and the scale.
///
/// Without colour the lines are told apart by their end labels and the legend; with colour
/// each line has its series' colour (where lines cross, the later series').
struct TextLineChart {
    let chart: Chart
    let axes: ChartAxes
    let width: Int
    /// Rows of the plot.
    let height: Int
    let formatter: CellFormatter
    let style: TextStyle

    static let minimumPlotWidth = 16

    func lines(legend: Bool = true) -> [String] {
        var lines: [String] = []
        if let title = chart.title { lines.append(style.bold(title)) }
        guard !chart.x.isEmpty else { return lines }
        let tickRows = tickRows()
        let labelWidth = tickRows.map { DisplayWidth.of($0.label) }.max() ?? 0
        let names = chart.series.map { $0.name ?? "" }
        let several = chart.series.count > 1
        var endWidth = several ? min(16, names.map { DisplayWidth.of($0) }.max() ?? 0) : 0
        if width - labelWidth - 2 - endWidth - 1 < Self.minimumPlotWidth { endWidth = 0 }
        let plotWidth = max(Self.minimumPlotWidth, width - labelWidth - 2 - (endWidth > 0 ? endWidth + 1 : 0))
        let canvas = draw(columns: plotWidth)
        let ends = endWidth > 0 ? endLabels(names: names, width: endWidth) : [:]
        for row in 0..<height {
            let tick = tickRows.first { $0.row == row }
            let prefix = DisplayWidth.pad(tick?.label ?? "", to: labelWidth, alignRight: true) + " " + (tick != nil ? "┤" : "│")
            var cells = ""
            for column in 0..<plotWidth {
                let cell = canvas[row][column]
                let character = String(UnicodeScalar(0x2800 + UInt32(cell.bits)).map(Character.init) ?? " ")
                cells += cell.bits == 0 ? " " : style.series(character, cell.series)
            }
            let end = ends[row].map { " " + style.series($0.text, $0.series) } ?? ""
            lines.append((prefix + cells + end).trimmingTrailingSpaces())
        }
        lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: plotWidth))
        lines.append(String(repeating: " ", count: labelWidth + 2) + xLabels(columns: plotWidth))
        guard legend else { return lines }
        for (s, series) in chart.series.enumerated() where several || series.name != nil {
            let last = chart.lastValue(of: series).map {
                axes.valueText($0.value, formatter: formatter) + " (" + ChartAxes.xLabel(chart.x[$0.index]) + ")"
            } ?? "–"
            let mark = series.name == chart.highlight && chart.highlight != nil ? "━━" : "──"
            let name = DisplayWidth.truncate(series.name ?? "", to: max(4, width - 5 - DisplayWidth.of(last)))
            lines.append(style.series(mark, s) + " " + name + ": " + last)
        }
        lines += TextWrapper.wrap(rangeLine(), width: width)
        return lines
    }

    /// `skala 0–1 500 000, 1950–2024`: what the axes span.
    func rangeLine() -> String {
        "(" + formatter.phrases.scale + " " + axes.yLabel(axes.y.lower, formatter: formatter) + "–"
            + axes.yLabel(axes.y.upper, formatter: formatter) + (axes.xSpan.isEmpty ? "" : ", " + axes.xSpan) + ")"
    }

    private struct Cell { var bits: UInt8 = 0; var series = 0 }

    /// The rows a tick's label goes on (ticks that would share a row keep the first).
    private func tickRows() -> [(row: Int, label: String)] {
        var rows: [(row: Int, label: String)] = []
        for value in axes.y.values {
            let row = Int(((1 - axes.y.fraction(value)) * Double(height - 1)).rounded())
            if !rows.contains(where: { $0.row == row }) { rows.append((row, axes.yLabel(value, formatter: formatter))) }
        }
        return rows
    }

    /// The dots of every series, joined point to point (a gap breaks the line).
    private func draw(columns: Int) -> [[Cell]] {
        var canvas = Array(repeating: Array(repeating: Cell(), count: columns), count: height)
        let dotsX = columns * 2, dotsY = height * 4
        func dot(_ x: Int, _ y: Int, _ s: Int) {
            guard x >= 0, x < dotsX, y >= 0, y < dotsY else { return }
            let bit: UInt8 = x % 2 == 0 ? [0x01, 0x02, 0x04, 0x40][y % 4] : [0x08, 0x10, 0x20, 0x80][y % 4]
            canvas[y / 4][x / 2].bits |= bit
            canvas[y / 4][x / 2].series = s
        }
        let order = chart.drawingOrder
        for s in order {
            var previous: (x: Int, y: Int)?
            for i in chart.x.indices {
                guard let v = chart.series[s].values[i], v.isFinite else { previous = nil; continue }
                let x = TextBarChart.columns(axes.x[i] * Double(dotsX - 1), in: 0...(dotsX - 1))
                let y = TextBarChart.columns((1 - axes.y.fraction(v)) * Double(dotsY - 1), in: 0...(dotsY - 1))
                if let p = previous { line(from: p, to: (x, y)) { dot($0, $1, s) } } else { dot(x, y, s) }
                previous = (x, y)
            }
        }
        return canvas
    }

    /// Bresenham's line between two dots.
    private func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), _ plot: (Int, Int) -> Void) {
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            plot(x, y)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// Series names by the row of their last value, or the next row when that is taken.
    private func endLabels(names: [String], width: Int) -> [Int: (text: String, series: Int)] {
        var labels: [Int: (text: String, series: Int)] = [:]
        let ends = chart.series.indices.compactMap { s -> (series: Int, row: Int)? in
            chart.lastValue(of: chart.series[s]).map {
                (s, Int(((1 - axes.y.fraction($0.value)) * Double(height - 1)).rounded()))
            }
        }.sorted { $0.row < $1.row }
        // A label goes on its line's row or the one next to it; further away it would name
        // another line, so it is left to the legend.
        for end in ends {
            guard let row = [end.row, end.row + 1, end.row - 1].first(where: { (0..<height).contains($0) && labels[$0] == nil })
            else { continue }
            labels[row] = (DisplayWidth.truncate(names[end.series], to: width), end.series)
        }
        return labels
    }

    /// The x axis' labels: the round ticks of numeric x (else the first and last label),
    /// each centred under its position where it does not run into the one before.
    private func xLabels(columns: Int) -> String {
        let marks: [(fraction: Double, label: String)]
        if let ticks = axes.xTicks {
            marks = ticks.values.map { (ticks.upper > ticks.lower ? ($0 - ticks.lower) / (ticks.upper - ticks.lower) : 0.5, RawNumber.text($0)) }
        } else {
            let labels = chart.x.map(ChartAxes.xLabel)
            marks = labels.count > 1 ? [(0, labels[0]), (1, labels[labels.count - 1])] : [(0.5, labels.first ?? "")]
        }
        var line = ""
        for mark in marks {
            let w = DisplayWidth.of(mark.label)
            let start = min(columns - w, max(0, Int((mark.fraction * Double(columns - 1)).rounded()) - w / 2))
            let used = DisplayWidth.of(line)
            guard start >= used + (used > 0 ? 1 : 0) else { continue }
            line += String(repeating: " ", count: start - used) + mark.label
        }
        return line
    }
}
