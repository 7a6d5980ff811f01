import SamverkanCore

/// A horizontal bar chart as inline SVG: per label, the label, a `<rect>` scaled to the
/// largest value, the formatted value, and a `<title>` for hover. When a value is negative,
/// bars grow left (class `bar negative`) and right of a zero axis, on one scale.
///
/// Text widths are estimated (a generous 8 px per character at 13 px), since there is no font
/// metrics without a browser; labels longer than a third of the width are cut with `…`
/// (the full label stays in the hover title).
struct SVGBarChart {
    static let width = 640.0
    static let rowHeight = 24.0
    static let barHeight = 16.0
    static let characterWidth = 8.0

    let chart: Chart
    let formatter: CellFormatter

    func html() -> String {
        var lines = ["<figure class=\"chart\">"]
        if let title = chart.title { lines.append("<figcaption>\(HTMLEscaping.escape(title))</figcaption>") }
        let count = min(chart.labels.count, chart.values.count)
        if count > 0 { lines.append(svg(count: count)) }
        lines.append("</figure>")
        return lines.joined(separator: "\n")
    }

    private func svg(count: Int) -> String {
        let labels = Array(chart.labels.prefix(count))
        let values = Array(chart.values.prefix(count))
        let texts = values.map { formatter.format($0, as: chart.format, decimals: chart.decimals) }
        let maxLabelCharacters = Int(Self.width / 3 / Self.characterWidth)
        let shown = labels.map { DisplayWidth.truncate($0, to: maxLabelCharacters) }
        let labelWidth = Double(shown.map { DisplayWidth.of($0) }.max() ?? 0) * Self.characterWidth + 10
        let valueWidth = Double(texts.map { DisplayWidth.of($0) }.max() ?? 0) * Self.characterWidth + 10
        let barSpace = max(40, Self.width - labelWidth - valueWidth)
        let finite = values.filter(\.isFinite)
        let largest = max(0, finite.max() ?? 0), smallest = min(0, finite.min() ?? 0)
        let span = largest - smallest
        let zero = labelWidth + (span > 0 ? barSpace * -smallest / span : 0)
        let height = Double(count) * Self.rowHeight + 8
        let name = chart.title.map { " aria-label=\"\(HTMLEscaping.escape($0))\"" } ?? ""
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGNumber.text(Self.width)) \(SVGNumber.text(height))\""
            + " width=\"\(SVGNumber.text(Self.width))\" height=\"\(SVGNumber.text(height))\" role=\"img\"\(name)>"]
        for index in 0..<count {
            let top = 4 + Double(index) * Self.rowHeight
            let value = values[index]
            let barWidth = span > 0 && value != 0 && value.isFinite ? max(1, abs(value) / span * barSpace) : 0
            let negative = value < 0 && barWidth > 0
            let baseline = SVGNumber.text(top + 16.5)
            lines.append("<g><title>\(HTMLEscaping.escape(labels[index])): \(HTMLEscaping.escape(texts[index]))</title>"
                + "<text x=\"\(SVGNumber.text(labelWidth - 8))\" y=\"\(baseline)\" text-anchor=\"end\">\(HTMLEscaping.escape(shown[index]))</text>"
                + "<rect class=\"\(negative ? "bar negative" : "bar")\" x=\"\(SVGNumber.text(negative ? zero - barWidth : zero))\""
                + " y=\"\(SVGNumber.text(top + 4))\" width=\"\(SVGNumber.text(barWidth))\" height=\"\(SVGNumber.text(Self.barHeight))\"/>"
                + "<text x=\"\(SVGNumber.text(zero + (negative ? 0 : barWidth) + 6))\" y=\"\(baseline)\">\(HTMLEscaping.escape(texts[index]))</text></g>")
        }
        if smallest < 0 {
            lines.append("<line class=\"axis\" x1=\"\(SVGNumber.text(zero))\" y1=\"2\" x2=\"\(SVGNumber.text(zero))\""
                + " y2=\"\(SVGNumber.text(height - 2))\"/>")
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }
}
