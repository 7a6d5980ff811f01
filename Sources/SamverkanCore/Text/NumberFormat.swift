/// The conventions numbers, percentages and dates are written in.
public enum OutputLocale: String, Sendable, CaseIterable {
    /// Swedish: `1 421 781`, `26,0 %`.
    case sv
    /// English: `1,421,781`, `26.0%`.
    case en
}

/// Formats numbers for people, by locale (`fmt.number`, `fmt.percent`, report tables).
public struct NumberFormat: Sendable {
    public let locale: OutputLocale

    public init(locale: OutputLocale) { self.locale = locale }

    private var groupSeparator: String { locale == .sv ? " " : "," }
    private var decimalSeparator: String { locale == .sv ? "," : "." }

    /// `1 421 781`; with `decimals`, that many digits after the separator (rounded half away from zero).
    public func number(_ value: Double, decimals: Int? = nil) -> String {
        guard value.isFinite else { return value.isNaN ? "–" : (value < 0 ? "−∞" : "∞") }
        let places = max(0, min(decimals ?? (value.rounded() == value ? 0 : 2), 15))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard rounded < 9.0e18 else { return String(value) }
        let whole = UInt64(rounded / scale)
        var fraction = UInt64(rounded - Double(whole) * scale)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = groupSeparator + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        var text = (value < 0 && rounded != 0 ? "-" : "") + grouped
        if places > 0 {
            var fractionDigits = ""
            for _ in 0..<places {
                fractionDigits = String(fraction % 10) + fractionDigits
                fraction /= 10
            }
            text += decimalSeparator + fractionDigits
        }
        return text
    }

    /// A fraction as a percentage: 0.2598 → `26,0 %` (sv) or `26.0%` (en); one decimal by default.
    public func percent(_ fraction: Double, decimals: Int = 1) -> String {
        let text = number(fraction * 100, decimals: decimals)
        return locale == .sv ? text + " %" : text + "%"
    }

    /// A `YYYY-MM-DD` date for reading: `1 januari 2016` (sv) or `1 January 2016` (en).
    public func date(_ isoDate: String) -> String {
        guard CalendarDate.isValid(isoDate) else { return isoDate }
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        let months = locale == .sv
            ? ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts[2]) \(months[parts[1] - 1]) \(parts[0])"
    }
}
