import Foundation
import Yams

/// One value constraint a field may declare in `schema.yaml` (`minimum: 0`), declared once:
/// its key, the fields it applies to, how its argument is read, how a value is checked and
/// described, and its rule id. The loaders, the checker, `samverkan schema` (text and JSON)
/// and the rule list of `validate` all come from ``FieldConstraintKind/all``; CSV, YAML and
/// JSON records go through the same check.
///
/// To add a constraint, add one entry to ``all`` (and tests).
public struct FieldConstraintKind: Sendable {
    /// The key in `schema.yaml`, such as `min_length`.
    public let key: String
    /// What the rule promises, for the rule list of `validate` (SARIF, JUnit).
    public let summary: String
    /// The fields it applies to, in words: "integer and number fields".
    let appliesToText: String
    let appliesTo: @Sendable (FieldType) -> Bool
    /// Reads the argument, or says what is wrong with it ("must be a number").
    let parse: @Sendable (Node) -> Result<ConstraintArgument, ConstraintProblem>
    /// Prepares the check of one field: the message for a value that breaks it, else nil.
    /// The value is present and not a list (lists are checked item by item).
    let check: @Sendable (ConstraintArgument, _ field: String) -> (Value) -> String?
    /// How `samverkan schema` shows it: "≥ 0", "pattern ^[0-9]{4}$".
    let describe: @Sendable (ConstraintArgument) -> String
    /// Numbers in this range always pass; nil when no range says so. A field whose every
    /// constraint has one is checked by comparing numbers as CSV cells are read (the fast
    /// path); any other field's values all go through ``check``.
    let passingRange: @Sendable (ConstraintArgument) -> ClosedRange<Double>?

    /// The rule id of its findings: `schema.minimum`.
    public var rule: String { "schema." + key }

    /// Every constraint, in the order a value is checked against them (the first broken one is reported).
    public static let all: [FieldConstraintKind] = [
        FieldConstraintKind(
            key: "enum", summary: "Values are one of the field's allowed values.",
            appliesToText: "every field", appliesTo: { _ in true },
            parse: { node in
                guard case .sequence(let items) = node else { return .failure("must be a list like [a, b]") }
                return .success(.texts(items.compactMap(\.scalarText)))
            },
            check: { argument, name in
                let allowed = argument.texts
                let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
                return { value in allowed.contains(value.text) ? nil : "\(name) '\(value.text)' is not one of \(list)" }
            },
            describe: { "one of " + $0.texts.joined(separator: ", ") },
            passingRange: { _ in nil }),
        bound(key: "minimum", summary: "Numbers are at least the field's minimum.", describedAs: "≥",
              breaks: { $0 < $1 }, words: "is below the minimum", range: { $0 ... .infinity }),
        bound(key: "maximum", summary: "Numbers are at most the field's maximum.", describedAs: "≤",
              breaks: { $0 > $1 }, words: "is above the maximum", range: { -.infinity ... $0 }),
        FieldConstraintKind(
            key: "pattern", summary: "Strings match the field's pattern.",
            appliesToText: "string fields", appliesTo: \.holdsText,
            parse: { node in
                guard let pattern = node.scalarText else { return .failure("must be a regular expression") }
                switch SchemaPattern.compile(pattern) {
                case .success: return .success(.text(pattern))
                case .failure(let error): return .failure("\(pattern) \(error.message)")
                }
            },
            check: { argument, name in
                let pattern = argument.text
                guard case .success(let regex) = SchemaPattern.compile(pattern) else {
                    // Parsing let only patterns that compile through; say so all the same, never pass silently.
                    return { _ in "\(name): the pattern \(pattern) does not compile" }
                }
                return { value in
                    guard case .string(let text) = value else { return nil }
                    return regex.matches(text) ? nil : "\(name) '\(text)' does not match the pattern \(pattern)"
                }
            },
            describe: { "pattern \($0.text)" },
            passingRange: { _ in nil }),
        length(key: "min_length", summary: "Strings are at least the field's minimum length.",
               describedAs: "at least", breaks: { $0 < $1 }, words: "is shorter than"),
        length(key: "max_length", summary: "Strings are at most the field's maximum length.",
               describedAs: "at most", breaks: { $0 > $1 }, words: "is longer than"),
        FieldConstraintKind(
            key: "multiple_of", summary: "Numbers are a multiple of the field's step.",
            appliesToText: "integer and number fields", appliesTo: \.isNumeric,
            parse: { node in
                guard let step = node.scalarText.flatMap(Double.init), step > 0, step.isFinite else {
                    return .failure("must be a number greater than 0")
                }
                return .success(.number(step))
            },
            check: { argument, name in
                let step = argument.number
                return { value in
                    guard let number = value.double else { return nil }
                    let quotient = (number / step).rounded()
                    // Decimal steps (0.5, 0.01) are not exact in binary: a relative tolerance.
                    let fits = abs(number - quotient * step) <= 1e-9 * Swift.max(1, abs(number))
                    return fits ? nil : "\(name) \(value.text) is not a multiple of \(formatPlain(step))"
                }
            },
            describe: { "multiple of \(formatPlain($0.number))" },
            passingRange: { _ in nil }),
    ]

    /// The keys of ``all``, for the schema loader.
    public static let keys = all.map(\.key)

    private static func bound(
        key: String, summary: String, describedAs symbol: String,
        breaks: @escaping @Sendable (Double, Double) -> Bool, words: String,
        range: @escaping @Sendable (Double) -> ClosedRange<Double>
    ) -> FieldConstraintKind {
        FieldConstraintKind(
            key: key, summary: summary, appliesToText: "integer and number fields", appliesTo: \.isNumeric,
            parse: { node in
                guard let value = node.scalarText.flatMap(Double.init), !value.isNaN else { return .failure("must be a number") }
                return .success(.number(value))
            },
            check: { argument, name in
                let limit = argument.number
                return { value in
                    guard let number = value.double, breaks(number, limit) else { return nil }
                    return "\(name) \(value.text) \(words) \(formatPlain(limit))"
                }
            },
            describe: { "\(symbol) \(formatPlain($0.number))" },
            passingRange: { range($0.number) })
    }

    private static func length(
        key: String, summary: String, describedAs words: String,
        breaks: @escaping @Sendable (Int, Int) -> Bool, words message: String
    ) -> FieldConstraintKind {
        FieldConstraintKind(
            key: key, summary: summary, appliesToText: "string fields", appliesTo: \.holdsText,
            parse: { node in
                guard let value = node.scalarText.flatMap(Int.init), value >= 0 else {
                    return .failure("must be a whole number ≥ 0")
                }
                return .success(.count(value))
            },
            check: { argument, name in
                let limit = argument.count
                return { value in
                    guard case .string(let text) = value, breaks(text.count, limit) else { return nil }
                    return "\(name) '\(text)' \(message) \(limit) characters"
                }
            },
            describe: { "\(words) \($0.count) characters" },
            passingRange: { _ in nil })
    }
}

/// What is wrong with a constraint's argument, continuing "'minimum' of field 'x' ".
public struct ConstraintProblem: Error, Sendable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public let text: String
    public init(stringLiteral value: String) { text = value }
    public init(stringInterpolation: DefaultStringInterpolation) { text = String(stringInterpolation: stringInterpolation) }
}

/// The argument of a constraint as `schema.yaml` gives it.
public enum ConstraintArgument: Sendable, Equatable {
    case number(Double)
    case count(Int)
    case text(String)
    case texts([String])

    var number: Double { if case .number(let n) = self { n } else { 0 } }
    var count: Int { if case .count(let n) = self { n } else { 0 } }
    var text: String { if case .text(let s) = self { s } else { "" } }
    var texts: [String] { if case .texts(let list) = self { list } else { [] } }

    /// The argument as `samverkan schema --format json` writes it.
    public var json: JSONValue {
        switch self {
        case .number(let n): .number(n)
        case .count(let n): .integer(n)
        case .text(let s): .string(s)
        case .texts(let list): .array(list.map(JSONValue.string))
        }
    }
}

/// A constraint a field declares, with its argument.
public struct FieldConstraint: Sendable {
    public let kind: FieldConstraintKind
    public let argument: ConstraintArgument

    /// How `samverkan schema` shows it.
    public var description: String { kind.describe(argument) }
}

extension FieldSchema {
    /// The argument of the named constraint, if the field declares it.
    public func constraint(_ key: String) -> ConstraintArgument? {
        constraints.first { $0.kind.key == key }?.argument
    }
}

extension FieldType {
    /// True for integer and number fields.
    public var isNumeric: Bool { self == .integer || self == .number }

    /// True for string fields and lists of strings: what `pattern` and the lengths look at.
    public var holdsText: Bool { self == .string || self == .list(.string) }
}
