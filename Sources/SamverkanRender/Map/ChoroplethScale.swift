import Foundation

/// Shades for a choropleth: quantile classes on ColorBrewer palettes.
///
/// Quantiles, not equal intervals, because the figures mapped here are skewed (Malmö has
/// forty times Bromölla's population): equal intervals would paint nearly every area the
/// lightest shade. A reader can repeat them: sort the values and cut them into groups of
/// (nearly) equal size; the legend says so. Equal values always share a class. Each class
/// spans the smallest to the largest value actually in it, so legend ranges never overlap.
///
/// How many classes: as many as there are distinct values up to three, else half as many
/// (so a class holds two areas or more and its range reads as a range: six regions make
/// three classes), at most as many as the palette has shades. Their colours spread over
/// the palette, whose lightest shade is a clear blue, not near-white, so every area with a
/// value shows against the page and its border.
///
/// Values that are all zero or more get a sequential blue. When some are negative (a
/// change: shrinking and growing municipalities), the scale diverges: red classes below
/// zero, zero itself in grey, blue classes above.
struct ChoroplethScale {
    /// ColorBrewer "Blues" (its 9-class shades 3 to 8): light to dark, readable in grey print.
    static let palette = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
    /// ColorBrewer "RdBu", 7 classes, split at its middle: most negative (dark red) first.
    static let negativePalette = ["#b2182b", "#ef8a62", "#fddbc7"]
    static let zeroColor = "#d4d4d4"
    static let positivePalette = ["#d1e5f0", "#67a9cf", "#2166ac"]
    /// Areas the script gave no value: white, which no class is, inside the areas' border.
    static let noValueColor = "#ffffff"

    /// Whether the scale diverges at zero.
    var diverging: Bool { classes.contains { $0.lower < 0 } }

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

    /// Quantile classes of ascending `sorted` (how many: see the type), their colours spread
    /// over the palette (one class takes the middle shade).
    private static func classes(_ sorted: [Double], palette: [String]) -> [Class] {
        let distinct = Set(sorted).count
        let count = min(palette.count, distinct <= 3 ? distinct : max(3, distinct / 2))
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

extension ChoroplethScale {
    /// Whether text on `color` (`#rrggbb`) should be white: its relative luminance (WCAG) is
    /// below the point where black and white text contrast equally.
    static func isDark(_ color: String) -> Bool {
        let digits = Array(color.utf8.dropFirst())
        guard digits.count == 6 else { return false }
        func channel(_ i: Int) -> Double {
            let hex = String(decoding: digits[i..<i + 2], as: UTF8.self)
            let c = Double(UInt8(hex, radix: 16) ?? 255) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4) < 0.179
    }
}
