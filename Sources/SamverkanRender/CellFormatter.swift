import SamverkanCore

/// A value written for people, and whether it reads as a number (numbers align right).
struct FormattedCell: Equatable {
    var text: String
    var isNumeric: Bool
}

/// Writes cells, fact values and chart values per `ValueFormat` and locale.
///
/// The rules, shared by text, Markdown and HTML:
/// - `number`: grouped per locale; `decimals` if given, else 0 for whole values and 2 otherwise.
/// - `percent`: a fraction × 100, `decimals` if given, else 1.
/// - `date`: `YYYY-MM-DD` in words (`1 januari 2016`); other text as is.
/// - `text`: as given; numbers ungrouped, floats in their shortest form.
/// - A missing value is empty; booleans are `ja`/`nej` or `yes`/`no`.
/// Text in a number or percent column is written as is.
struct CellFormatter {
    let numbers: NumberFormat
    let phrases: RenderPhrases

    init(locale: OutputLocale) {
        numbers = NumberFormat(locale: locale)
        phrases = RenderPhrases(locale: locale)
    }

    func format(_ cell: Cell, as format: ValueFormat, decimals: Int? = nil) -> FormattedCell {
        switch cell {
        case .missing:
            FormattedCell(text: "", isNumeric: false)
        case .boolean(let flag):
            FormattedCell(text: flag ? phrases.yes : phrases.no, isNumeric: false)
        case .text(let text):
            FormattedCell(text: format == .date ? numbers.date(text) : text, isNumeric: false)
        case .integer(let integer):
            FormattedCell(text: format == .text || format == .date
                          ? String(integer) : self.format(Double(integer), as: format, decimals: decimals),
                          isNumeric: true)
        case .number(let number):
            FormattedCell(text: self.format(number, as: format, decimals: decimals), isNumeric: true)
        }
    }

    /// A number (a chart's or a map's value) per format.
    func format(_ value: Double, as format: ValueFormat, decimals: Int? = nil) -> String {
        switch format {
        case .number: numbers.number(value, decimals: decimals)
        case .percent: numbers.percent(value, decimals: decimals ?? 1)
        case .text, .date: RawNumber.text(value)
        }
    }
}

/// Numbers as machines read them: no grouping, `.` as decimal separator, shortest form.
enum RawNumber {
    /// `1428626`, `0.2598`; whole floats without `.0`.
    static func text(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }
}
