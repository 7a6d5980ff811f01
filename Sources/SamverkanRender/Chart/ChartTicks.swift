import Foundation

/// Round tick values for an axis: steps of 1, 2 or 5 times a power of ten, about `count`
/// of them, so a reader can read a value off the chart and say it again.
///
/// For a value axis the domain widens to the ticks around the data (`0 … 1 500 000` for
/// values up to 1 428 626); for an x axis of years it stays the data's (`1950 … 2024`) and
/// the ticks are the round values inside it.
struct ChartTicks: Equatable {
    var lower: Double
    var upper: Double
    var step: Double
    var values: [Double]

    /// Ticks over `values` (none finite: 0 … 1); `zero` puts 0 inside the domain.
    init(covering values: [Double], zero: Bool, count: Int = 5) {
        let finite = values.filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if zero { low = Swift.min(low, 0); high = Swift.max(high, 0) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) / 10
            low -= zero && low >= 0 ? 0 : pad
            high += pad
        }
        let step = Self.step(span: high - low, count: count)
        guard let step else { self.init(lower: low, upper: high, step: high - low, values: [low, high]); return }
        let lower = (low / step).rounded(.down) * step, upper = (high / step).rounded(.up) * step
        self.init(lower: lower, upper: upper, step: step, values: Self.multiples(of: step, from: lower, to: upper))
    }

    /// Round ticks inside `lower … upper`, which stays the domain (an x axis).
    init(inside lower: Double, _ upper: Double, count: Int) {
        guard lower < upper, let step = Self.step(span: upper - lower, count: count) else {
            self.init(lower: lower, upper: upper, step: 1, values: lower.isFinite ? [lower] : [])
            return
        }
        let step1 = Swift.max(step, 1)   // x values are years or positions: no ticks between them
        self.init(lower: lower, upper: upper, step: step1,
                  values: Self.multiples(of: step1, from: (lower / step1).rounded(.up) * step1, to: upper))
    }

    private init(lower: Double, upper: Double, step: Double, values: [Double]) {
        self.lower = lower
        self.upper = upper
        self.step = step
        self.values = values
    }

    /// Where `value` falls on the domain, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0.5
    }

    /// Decimals that write every tick exactly (`0.25` steps need two).
    var decimals: Int {
        guard step.isFinite, step > 0 else { return 0 }
        var d = 0, scaled = step
        while d < 6 && abs(scaled - scaled.rounded()) > 1e-9 * Swift.max(1, abs(scaled)) { scaled *= 10; d += 1 }
        return d
    }

    /// 1, 2 or 5 × 10ⁿ giving about `count` intervals over `span`; nil when the span is not
    /// a finite positive number (values near ±1e308 overflow it).
    private static func step(span: Double, count: Int) -> Double? {
        guard span.isFinite, span > 0 else { return nil }
        let raw = span / Double(Swift.max(1, count))
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let n = raw / magnitude
        let step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude
        return step.isFinite && step > 0 ? step : nil
    }

    /// `from`, `from + step`, … up to `to`, computed by index so no error accumulates.
    private static func multiples(of step: Double, from: Double, to: Double) -> [Double] {
        guard step > 0, from.isFinite, to.isFinite, from <= to else { return [] }
        let count = Int(Swift.min(1000, ((to - from) / step + 1e-9).rounded(.down)))
        return (0...count).map { from + Double($0) * step }.map { abs($0) < step * 1e-9 ? 0 : $0 }
    }
}
