import SamverkanCore

/// Charts as HTML figures: a caption and the SVG of a bar or line chart, or a grid of small
/// multiples, one small chart per facet, all drawn on the scale of every facet's values so
/// their heights compare.
enum SVGChartFigure {
    static func html(_ chart: Chart, formatter: CellFormatter) -> String {
        var lines = ["<figure class=\"chart\">"]
        if let title = chart.title { lines.append("<figcaption>\(HTMLEscaping.escape(title))</figcaption>") }
        if !chart.x.isEmpty { lines.append(svg(chart, values: chart.drawnValues, frame: .regular, formatter: formatter)) }
        lines.append("</figure>")
        return lines.joined(separator: "\n")
    }

    static func html(_ multiples: SmallMultiples, formatter: CellFormatter) -> String {
        let values = multiples.drawnValues
        var lines = ["<figure class=\"multiples\">"]
        if let title = multiples.title { lines.append("<figcaption>\(HTMLEscaping.escape(title))</figcaption>") }
        lines.append("<div class=\"facets\">")
        for chart in multiples.charts where !chart.x.isEmpty {
            lines.append("<figure class=\"facet\">")
            if let title = chart.title { lines.append("<figcaption>\(HTMLEscaping.escape(title))</figcaption>") }
            lines.append(svg(chart, values: values, frame: .small, formatter: formatter))
            lines.append("</figure>")
        }
        lines.append("</div>")
        lines.append("<p class=\"note\">\(HTMLEscaping.escape(formatter.phrases.sameScale))</p>")
        lines.append("</figure>")
        return lines.joined(separator: "\n")
    }

    private static func svg(_ chart: Chart, values: [Double], frame: SVGChartFrame, formatter: CellFormatter) -> String {
        switch chart.kind {
        case .line:
            let axes = ChartAxes(chart, values: values, yTickCount: frame.yTickCount, xTickCount: frame.xTickCount)
            return SVGLineChart(chart: chart, axes: axes, frame: frame, formatter: formatter).svg()
        case .bar:
            return SVGBarChart(chart: chart, scale: values, frame: frame, formatter: formatter).svg()
        }
    }
}
