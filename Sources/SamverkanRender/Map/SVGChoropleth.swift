import SamverkanCore

/// A choropleth as inline SVG: one `<path>` per area, shaded by value and bordered, with a
/// `<title>` (name and formatted value) for hover; on a municipality map the regions'
/// borders drawn stronger over them; on a region map each region's name and value written
/// on it (the value where it fits); and below, a legend of the value ranges and how the
/// classes were made.
struct SVGChoropleth {
    static let maxWidth = 600.0
    static let maxHeight = 700.0
    static let margin = 10.0
    static let legendRow = 20.0

    let map: MapSpec
    let shapes: [AreaShape]
    /// Borders drawn over the areas (the regions, over a municipality map).
    var outlines: [AreaShape] = []
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
        let legendTop = projection.height + 8 + Self.legendRow
        let height = legendTop + Double(legend.count) * Self.legendRow + Self.margin
        var lines = SVGText.open(width: projection.width, height: height, label: map.title,
                                 description: description(scale: scale), className: "map")
        lines.append("<g fill-rule=\"evenodd\">")
        for (shape, value) in zip(shapes, drawn) {
            let shown = value.map { formatter.format($0, as: map.format, decimals: map.decimals) } ?? formatter.phrases.noValue
            lines.append("<path class=\"area\" d=\"\(projection.path(for: shape))\" fill=\"\(scale.color(for: value))\">"
                + "<title>\(HTMLEscaping.escape(shape.name)): \(HTMLEscaping.escape(shown))</title></path>")
        }
        lines.append("</g>")
        if !outlines.isEmpty {
            lines.append("<g class=\"outlines\">" + outlines.map { "<path class=\"outline\" d=\"\(projection.path(for: $0))\"/>" }.joined() + "</g>")
        }
        if map.level == .regions { lines += labels(projection: projection, scale: scale) }
        lines.append("<g class=\"legend\">")
        lines.append(SVGText.element(formatter.phrases.mapClasses(scale.classes.count, scale.diverging),
                                     x: Self.margin, y: projection.height + 8 + 12, "class=\"tick\""))
        for (index, entry) in legend.enumerated() {
            let top = legendTop + Double(index) * Self.legendRow
            lines.append("<rect class=\"swatch\" x=\"\(SVGNumber.text(Self.margin))\" y=\"\(SVGNumber.text(top))\" width=\"14\" height=\"14\" fill=\"\(entry.color)\"/>"
                + "<text x=\"\(SVGNumber.text(Self.margin + 22))\" y=\"\(SVGNumber.text(top + 11.5))\">\(HTMLEscaping.escape(entry.label))</text>")
        }
        lines.append("</g>")
        lines.append("</svg>")
        return lines.joined(separator: "\n")
    }

    /// Each region's name at its centre, and below it the value where it fits across the
    /// region; white on dark shades, ink on light ones, with a halo either way.
    private func labels(projection: MapProjection, scale: ChoroplethScale) -> [String] {
        let size = 14.0
        var lines = ["<g class=\"labels\">"]
        for shape in shapes {
            guard let point = projection.labelPoint(for: shape) else { continue }
            let value = map.values[shape.code]
            let tone = ChoroplethScale.isDark(scale.color(for: value)) ? "on-dark" : "on-light"
            let valueText = value.map { formatter.format($0, as: map.format, decimals: map.decimals) }
            let showValue = valueText.map { SVGText.width($0, size: size) <= point.width * 0.9 } ?? false
            let y = point.y + (showValue ? -2 : size * 0.35)
            var text = "<text class=\"map-label \(tone)\" x=\"\(SVGNumber.text(point.x))\" y=\"\(SVGNumber.text(y))\" text-anchor=\"middle\">"
                + HTMLEscaping.escape(shape.name)
            if showValue, let valueText {
                text += "<tspan class=\"value\" x=\"\(SVGNumber.text(point.x))\" dy=\"\(SVGNumber.text(size + 2))\">\(HTMLEscaping.escape(valueText))</tspan>"
            }
            lines.append(text + "</text>")
        }
        lines.append("</g>")
        return lines
    }

    /// The map in words: what it shades, how many areas have a value, the range.
    private func description(scale: ChoroplethScale) -> String {
        let values = map.values.values.filter(\.isFinite)
        let low = values.min().map { formatter.format($0, as: map.format, decimals: map.decimals) } ?? "–"
        let high = values.max().map { formatter.format($0, as: map.format, decimals: map.decimals) } ?? "–"
        return formatter.phrases.describeMap(shapes.count, values.count, low, high)
            + " " + formatter.phrases.mapClasses(scale.classes.count, scale.diverging) + "."
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
