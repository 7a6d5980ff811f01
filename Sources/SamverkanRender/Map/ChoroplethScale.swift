/// Shades for a choropleth: quantile classes on ColorBrewer palettes.
///
/// Quantiles, not equal intervals, because the figures mapped here are skewed (Malmö has
/// forty times Bromölla's population): equal intervals would paint nearly every area the
/// lightest shade. Equal values always share a class; with fewer distinct values than
/// shades there are fewer classes, spread over the palette. Each class spans the smallest to
/// the largest value actually in it, so legend ranges never overlap.
///
/// Values that are all zero or more get up to five classes of a sequential blue. When some
/// are negative (a change: shrinking and growing municipalities), the scale diverges: up to
/// three red classes below zero, zero itself in grey-white, up to three blue classes above.
struct ChoroplethScale {
    /// ColorBrewer "Blues", 5 classes: light to dark, readable in grey print.
    static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
    /// ColorBrewer "RdBu", 7 classes, split at its middle: most negative (dark red) first.
    static let negativePalette = ["#b2182b", "#ef8a62", "#fddbc7"]
    static let zeroColor = "#f7f7f7"
    static let positivePalette = ["#d1e5f0", "#67a9cf", "#2166ac"]
    /// Areas the script gave no value.
    static let noValueColor = "#e3e3e3"

    struct Class: Equatable {
        var lower: Double
        var upper: Double
        var color: String
    }

    /// In ascending order.
    let classes: [Class]

    init(values: some Sequence<Double>) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, first < 0 else {
            classes = Self.classes(sorted, palette: Self.palette)
            return
        }
        let zeros = sorted.filter { $0 == 0 }
        classes = Self.classes(sorted.filter { $0 < 0 }, palette: Self.negativePalette)
            + (zeros.isEmpty ? [] : [Class(lower: 0, upper: 0, color: Self.zeroColor)])
            + Self.classes(sorted.filter { $0 > 0 }, palette: Self.positivePalette)
    }

    /// Quantile classes of ascending `sorted`, as many as the palette has shades at most,
    /// their colours spread over it (one class takes the middle shade).
    private static func classes(_ sorted: [Double], palette: [String]) -> [Class] {
        let count = min(palette.count, Set(sorted).count)
        guard count > 0 else { return [] }
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
        let last = Double(palette.count - 1)
        let colors = bounds.count == 1 ? [palette[palette.count / 2]]
            : bounds.indices.map { palette[Int((Double($0) * last / Double(bounds.count - 1)).rounded())] }
        return bounds.indices.map { Class(lower: bounds[$0].lower, upper: bounds[$0].upper, color: colors[$0]) }
    }

    /// The fill for an area with `value` (or none).
    func color(for value: Double?) -> String {
        guard let value, value.isFinite else { return Self.noValueColor }
        return classes.last { $0.lower <= value }?.color ?? classes.first?.color ?? Self.noValueColor
    }
}
