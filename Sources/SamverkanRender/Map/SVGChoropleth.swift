import SamverkanCore

/// A choropleth as inline SVG: one `<path>` per area, shaded by value, with a `<title>`
/// (name and formatted value) for hover, and a legend of the value ranges below the map.
struct SVGChoropleth {
    static let maxWidth = 600.0
    static let maxHeight = 700.0
    static let margin = 10.0
    static let legendRow = 20.0

    let map: MapSpec
    let shapes: [AreaShape]
    let formatter: CellFormatter

    func html() -> String {
        var lines = ["<figure class=\"map\">"]
        if let title = map.title { lines.append("<figcaption>\(HTMLEscaping.escape(title))</figcaption>") }
        lines.append(svg())
        lines.append("</figure>")
        return lines.joined(separator: "\n")
    }

    private func svg() -> String {
        let projection = MapProjection(shapes: shapes, maxWidth: Self.maxWidth, maxHeight: Self.maxHeight, margin: Self.margin)
        let drawn = shapes.map { map.values[$0.code] }
        let scale = ChoroplethScale(values: drawn.compactMap { $0 })
        let legend = legendEntries(scale: scale, anyMissing: drawn.contains { $0 == nil })
        let height = projection.height + 8 + Double(legend.count) * Self.legendRow + Self.margin
        let width = SVGNumber.text(projection.width), heightText = SVGNumber.text(height)
        let name = map.title.map { " aria-label=\"\(HTMLEscaping.escape($0))\"" } ?? ""
        var lines = ["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(heightText)\" width=\"\(width)\" height=\"\(heightText)\" role=\"img\"\(name)>",
                     "<g fill-rule=\"evenodd\">"]
        for (shape, value) in zip(shapes, drawn) {
            let shown = value.map { formatter.format($0, as: map.format, decimals: map.decimals) } ?? formatter.phrases.noValue
            lines.append("<path class=\"area\" d=\"\(projection.path(for: shape))\" fill=\"\(scale.color(for: value))\">"
                + "<title>\(HTMLEscaping.escape(shape.name)): \(HTMLEscaping.escape(shown))</title></path>")
        }
        lines.append("</g>")
        lines.append("<g class=\"legend\">")
        for (index, entry) in legend.enumerated() {
            let top = projection.height + 8 + Double(index) * Self.legendRow
            lines.append("<rect class=\"swatch\" x=\"\(SVGNumber.text(Self.margin))\" y=\"\(SVGNumber.text(top))\" width=\"14\" height=\"14\" fill=\"\(entry.color)\"/>"
                + "<text x=\"\(SVGNumber.text(Self.margin + 22))\" y=\"\(SVGNumber.text(top + 11.5))\">\(HTMLEscaping.escape(entry.label))</text>")
        }
        lines.append("</g>")
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// One entry per class, `lower – upper` per locale (one value when a class holds one),
    /// plus "no value" when some area has none.
    private func legendEntries(scale: ChoroplethScale, anyMissing: Bool) -> [(label: String, color: String)] {
        var entries = scale.classes.map { range in
            let lower = formatter.format(range.lower, as: map.format, decimals: map.decimals)
            let upper = formatter.format(range.upper, as: map.format, decimals: map.decimals)
            return (label: lower == upper ? lower : "\(lower) – \(upper)", color: range.color)
        }
        if anyMissing { entries.append((label: formatter.phrases.noValue, color: ChoroplethScale.noValueColor)) }
        return entries
    }
}
