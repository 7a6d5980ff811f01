/// How serious a finding is.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (a: Severity, b: Severity) -> Bool {
        a == .warning && b == .error
    }
}

/// One finding about the data, the schema or a script, as a value.
///
/// Loaders, schema checks and Lua validations all produce these; only the CLI
/// renders them and chooses the exit code.
public struct Diagnostic: Sendable, Equatable {
    public var severity: Severity
    /// `schema.type`, `schema.required`, …, or a plugin's name.
    public var rule: String
    public var message: String
    public var location: SourceLocation?
    public var collection: String?
    public var key: String?
    public var field: String?
    /// Where a script reported it (`scripts/validations/x.lua:12`), for Lua rules.
    public var origin: String?
    /// The finding this one follows from, when it is only a consequence of it: a ref to a
    /// row that could not be read, or a rule's finding computed without that row. `validate`
    /// folds it under that finding (`… and 76 follow-on findings`) and still counts it.
    public var followsFrom: SourceLocation?

    public init(
        _ severity: Severity, rule: String, _ message: String,
        at location: SourceLocation? = nil,
        collection: String? = nil, key: String? = nil, field: String? = nil, origin: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.collection = collection
        self.key = key
        self.field = field
        self.origin = origin
    }

    /// The record this is about, as `municipalities[1280]`, when known.
    public var subject: String? {
        guard let collection else { return nil }
        guard let key else { return collection }
        return "\(collection)[\(key)]"
    }

    /// The compiler-style line: `file:line:col: error[rule]: message (subject)`.
    public var formatted: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(rule)]: \(message)"
        var notes: [String] = []
        if let subject, !message.contains(subject) { notes.append(subject) }
        if let origin { notes.append(origin) }
        if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line and column; diagnostics without a location first.
    public func sortedByLocation() -> [Diagnostic] {
        sorted(byLocation: \.location)
    }
}

extension Array {
    /// Sorted by the location each element has (file, line, column), those without one
    /// first, ties in their order here.
    public func sorted(byLocation location: (Element) -> SourceLocation?) -> [Element] {
        enumerated().sorted { a, b in
            switch (location(a.element), location(b.element)) {
            case let (l?, r?): return l != r ? l < r : a.offset < b.offset
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
