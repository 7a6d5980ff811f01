import Foundation

/// The value constraints of one field (`enum`, `minimum`, `maximum`, `pattern`, lengths).
struct ConstraintChecker {
    let field: FieldSchema
    private let regex: NSRegularExpression?

    /// True when the field has a value constraint.
    static func constrained(_ field: FieldSchema) -> Bool {
        field.enumValues != nil || field.minimum != nil || field.maximum != nil
            || field.pattern != nil || field.minLength != nil || field.maxLength != nil
    }

    init(field: FieldSchema) {
        self.field = field
        self.regex = field.pattern.flatMap { try? NSRegularExpression(pattern: $0) }
    }

    /// The rule id and message of the first constraint the value breaks, if any.
    func violation(of value: Value) -> (rule: String, message: String)? {
        switch value {
        case .missing: return nil
        case .list(let items):
            for item in items { if let found = violation(of: item) { return found } }
            return nil
        default: break
        }
        let name = field.name
        if let allowed = field.enumValues, !allowed.contains(value.text) {
            let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
            return ("schema.enum", "\(name) '\(value.text)' is not one of \(list)")
        }
        if let number = value.double {
            if let minimum = field.minimum, number < minimum {
                return ("schema.minimum", "\(name) \(value.text) is below the minimum \(formatPlain(minimum))")
            }
            if let maximum = field.maximum, number > maximum {
                return ("schema.maximum", "\(name) \(value.text) is above the maximum \(formatPlain(maximum))")
            }
        }
        guard case .string(let text) = value else { return nil }
        if let regex {
            let range = NSRange(text.startIndex..., in: text)
            if regex.firstMatch(in: text, range: range) == nil {
                return ("schema.pattern", "\(name) '\(text)' does not match the pattern \(field.pattern ?? "")")
            }
        }
        if field.minLength != nil || field.maxLength != nil {
            let length = text.count
            if let minLength = field.minLength, length < minLength {
                return ("schema.min_length", "\(name) '\(text)' is shorter than \(minLength) characters")
            }
            if let maxLength = field.maxLength, length > maxLength {
                return ("schema.max_length", "\(name) '\(text)' is longer than \(maxLength) characters")
            }
        }
        return nil
    }
}
