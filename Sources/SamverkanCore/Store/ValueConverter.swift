/// Gives a raw value the type its field declares, or says why it cannot.
enum ValueConverter {
    /// The converted value, or a message for a `schema.type` diagnostic.
    static func convert(_ raw: RawContent, to type: FieldType, field: String) -> Result<Value, ConversionError> {
        switch type {
        case .list(let item):
            switch raw {
            case .null: return .success(.missing)
            case .list(let items):
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for element in items {
                    switch convert(element.content, to: item, field: field) {
                    case .success(let value): values.append(value)
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(.list(values))
            case .cell(let text):
                var values: [Value] = []
                for part in text.split(separator: ";", omittingEmptySubsequences: true) {
                    let trimmed = part.trimmingSpaces
                    if trimmed.isEmpty { continue }
                    switch convert(.cell(trimmed), to: item, field: field) {
                    case .success(let value): values.append(value)
                    case .failure(let error): return .failure(error)
                    }
                }
                return .success(.list(values))
            default:
                return .failure(ConversionError("\(field) must be a list, like [a, b] (in CSV: a;b)"))
            }
        default:
            return convertScalar(raw, to: type, field: field)
        }
    }

    private static func convertScalar(_ raw: RawContent, to type: FieldType, field: String) -> Result<Value, ConversionError> {
        let text: String
        let explicitString: Bool
        switch raw {
        case .null: return .success(.missing)
        case .cell(let t), .text(let t): text = t; explicitString = false
        case .string(let t): text = t; explicitString = true
        case .number(let t): text = t; explicitString = false
        case .boolean(let b):
            if type == .boolean { return .success(.boolean(b)) }
            return .failure(ConversionError("\(field) \(b) is a boolean, not \(type.article)"))
        case .list: return .failure(ConversionError("\(field) is a list, not \(type.article)"))
        case .mapping: return .failure(ConversionError("\(field) is a mapping, not \(type.article)"))
        }
        switch type {
        case .string:
            if case .number = raw { return .failure(ConversionError("\(field) \(text) is a number, not a string; quote it")) }
            return .success(.string(text))
        case .ref:
            return .success(.ref(key: text, row: -1))
        case .integer:
            if !explicitString, let value = Int(text) { return .success(.integer(value)) }
            if !explicitString, case .number = raw, let d = Double(text), d.rounded() == d, abs(d) < 9.2e18 {
                return .success(.integer(Int(d)))
            }
            return .failure(ConversionError("\(field) \(quoted(text)) is not an integer\(numberHint(text))"))
        case .number:
            if !explicitString, let value = Double(text), value.isFinite {
                return .success(.number(value))
            }
            return .failure(ConversionError("\(field) \(quoted(text)) is not a number\(numberHint(text))"))
        case .boolean:
            switch text.lowercased() {
            case "true", "yes": return .success(.boolean(true))
            case "false", "no": return .success(.boolean(false))
            default: return .failure(ConversionError("\(field) \(quoted(text)) is not a boolean (write true or false)"))
            }
        case .date:
            if CalendarDate.isValid(text) { return .success(.date(text)) }
            return .failure(ConversionError("\(field) \(quoted(text)) is not a valid date (write YYYY-MM-DD)"))
        case .list:
            return .failure(ConversionError("\(field) must be a list"))
        }
    }

    private static func quoted(_ text: String) -> String { "\"\(text)\"" }

    private static func numberHint(_ text: String) -> String {
        if text.contains(" ") || text.contains("\u{A0}") { return " (write it without spaces: \(text.filter { $0 != " " && $0 != "\u{A0}" }))" }
        if text.contains(",") { return " (use a point as the decimal separator)" }
        return ""
    }
}

/// Why a raw value does not fit its field's type.
struct ConversionError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

extension FieldType {
    /// "an integer", "a date", … for messages.
    var article: String {
        switch self {
        case .integer: "an integer"
        case .ref: "a key"
        case .list: "a list"
        default: "a \(self)"
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

/// Checks `YYYY-MM-DD` strings against the Gregorian calendar.
public enum CalendarDate {
    /// True for a real date written as `YYYY-MM-DD` (so 2023-02-30 is false).
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0) }
    }

    /// The same check on UTF-8 bytes.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return false }
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }
}
