/// Numbers for SVG: one decimal at most, `12` rather than `12.0`, to keep files small.
enum SVGNumber {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return text(tenths: Int((value * 10).rounded()))
    }

    /// A value already counted in tenths: `1234` → `123.4`, `1230` → `123`.
    static func text(tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
