/// The colours of a chart's series: Okabe and Ito's palette, which readers with every common
/// form of colour blindness can tell apart, ordered so the first ones contrast most on white
/// (its yellow, too light for a line, comes last).
///
/// With a highlighted series, the others are drawn in a muted grey and that one in the
/// first colour, so the eye goes to it.
enum ChartPalette {
    static let colors = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]
    static let muted = "#A7AEB5"

    /// The colour of series `index` of a chart, given its highlight.
    static func color(_ index: Int, name: String?, highlight: String?) -> String {
        guard let highlight else { return colors[index % colors.count] }
        return name == highlight ? colors[0] : muted
    }
}
