/// The value constraints of one field (``FieldSchema/constraints``), prepared once per load.
struct ConstraintChecker {
    let field: FieldSchema
    private let checks: [(rule: String, check: (Value) -> String?)]

    init(field: FieldSchema) {
        self.field = field
        checks = field.constraints.map { ($0.kind.rule, $0.kind.check($0.argument, field.name)) }
    }

    /// The numbers that pass every constraint, when each constraint names such a range; else
    /// nil (every value must then be checked). Empty when the ranges do not meet.
    var passingBounds: (minimum: Double, maximum: Double)? {
        var minimum = -Double.infinity, maximum = Double.infinity
        for constraint in field.constraints {
            guard let range = constraint.kind.passingRange(constraint.argument) else { return nil }
            minimum = Swift.max(minimum, range.lowerBound)
            maximum = Swift.min(maximum, range.upperBound)
        }
        return (minimum, maximum)
    }

    /// The rule id and message of the first constraint the value breaks, if any.
    func violation(of value: Value) -> (rule: String, message: String)? {
        switch value {
        case .missing: return nil
        case .list(let items):
            for item in items { if let found = violation(of: item) { return found } }
            return nil
        default:
            for (rule, check) in checks {
                if let message = check(value) { return (rule, message) }
            }
            return nil
        }
    }
}
