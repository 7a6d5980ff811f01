/// Shades for a choropleth: up to five quantile classes on a sequential blue palette.
///
/// Quantiles, not equal intervals, because the figures mapped here are skewed (Malmö has
/// forty times Bromölla's population): equal intervals would paint nearly every area the
/// lightest shade. Equal values always share a class; with fewer than five distinct values
/// there are fewer classes, spread over the palette. Each class spans the smallest to the
/// largest value actually in it, so legend ranges never overlap.
struct ChoroplethScale {
    /// ColorBrewer "Blues", 5 classes: light to dark, readable in grey print.
    static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// Areas the script gave no value.
    static let noValueColor = "#e3e3e3"

    struct Class: Equatable {
        var lower: Double
        var upper: Double
        var color: String
    }

    let classes: [Class]

    init(values: some Sequence<Double>) {
        let sorted = values.filter(\.isFinite).sorted()
        let count = min(Self.palette.count, Set(sorted).count)
        guard count > 0 else { classes = []; return }
        var bounds: [(lower: Double, upper: Double)] = []
        var lastClass = -1
        for (rank, value) in sorted.enumerated() {
            if let last = bounds.last, last.upper == value { continue }
            let index = rank * count / sorted.count
            if index != lastClass {
                bounds.append((value, value))
                lastClass = index
            } else {
                bounds[bounds.count - 1].upper = value
            }
        }
        let colors = bounds.count == 1 ? [Self.palette[2]]
            : bounds.indices.map { Self.palette[Int((Double($0) * 4 / Double(bounds.count - 1)).rounded())] }
        classes = bounds.indices.map { Class(lower: bounds[$0].lower, upper: bounds[$0].upper, color: colors[$0]) }
    }

    /// The fill for an area with `value` (or none).
    func color(for value: Double?) -> String {
        guard let value, value.isFinite else { return Self.noValueColor }
        return classes.last { $0.lower <= value }?.color ?? classes.first?.color ?? Self.noValueColor
    }
}
