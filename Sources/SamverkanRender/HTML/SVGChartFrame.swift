/// The sizes a chart is drawn at: full width in a report, or small in a grid of small
/// multiples. All in SVG user units (px at 100 %).
struct SVGChartFrame {
    var width: Double
    /// The plotting area's height (line charts).
    var plotHeight: Double
    var fontSize: Double
    /// Whether series names are written at the lines' ends.
    var directLabels: Bool
    var yTickCount: Int
    var xTickCount: Int

    static let regular = SVGChartFrame(width: 800, plotHeight: 300, fontSize: 15, directLabels: true, yTickCount: 5, xTickCount: 8)
    static let small = SVGChartFrame(width: 300, plotHeight: 130, fontSize: 13, directLabels: false, yTickCount: 3, xTickCount: 4)

    /// The legend's entries (swatch and name) laid out in rows across `width`; returns each
    /// entry's position and the rows' total height.
    func legend(_ names: [String]) -> (positions: [(x: Double, y: Double)], height: Double) {
        guard !names.isEmpty else { return ([], 0) }
        let rowHeight = fontSize + 8
        var positions: [(x: Double, y: Double)] = []
        var x = 0.0, y = 0.0
        for name in names {
            let entry = 26 + SVGText.width(name, size: fontSize) + 18
            if x > 0 && x + entry > width { x = 0; y += rowHeight }
            positions.append((x, y))
            x += entry
        }
        return (positions, y + rowHeight)
    }
}
