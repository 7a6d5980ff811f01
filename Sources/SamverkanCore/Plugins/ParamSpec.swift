/// The kinds of plugin (SPEC §4).
public enum PluginKind: String, Sendable, CaseIterable, Comparable {
    case report, filter, validation

    /// The plugin folder's subfolder for this kind (`reports`, `filters`, `validations`).
    public var folder: String { rawValue + "s" }

    public static func < (a: PluginKind, b: PluginKind) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// A typed parameter a plugin declares: `min = { type = "integer", default = 100000 }`.
public struct ParamSpec: Sendable, Equatable {
    public enum ParamType: String, Sendable, CaseIterable {
        case string, integer, number, boolean, date
    }

    public var name: String
    public var type: ParamType
    public var defaultValue: ParamValue?
    public var required: Bool
    public var enumValues: [String]?
    public var description: String?

    public init(name: String, type: ParamType, defaultValue: ParamValue? = nil, required: Bool = false,
                enumValues: [String]? = nil, description: String? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.enumValues = enumValues
        self.description = description
    }

    /// Converts the text of `-p name=value`, or says what was expected.
    public func convert(_ text: String) -> Result<ParamValue, ParamError> {
        let value: ParamValue
        switch type {
        case .string:
            value = .string(text)
        case .integer:
            guard let i = Int(text.trimmingSpaces) else { return .failure(expected("an integer, like 100000", text)) }
            value = .integer(i)
        case .number:
            guard let d = Double(text.trimmingSpaces), d.isFinite else { return .failure(expected("a number, like 2.5", text)) }
            value = .number(d)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "1": value = .boolean(true)
            case "false", "no", "0": value = .boolean(false)
            default: return .failure(expected("a boolean: true or false", text))
            }
        case .date:
            guard CalendarDate.isValid(text) else { return .failure(expected("a date YYYY-MM-DD", text)) }
            value = .date(text)
        }
        if let allowed = enumValues, !allowed.contains(value.text) {
            return .failure(ParamError("parameter '\(name)' must be one of \(allowed.joined(separator: ", ")), got '\(text)'"))
        }
        return .success(value)
    }

    private func expected(_ what: String, _ text: String) -> ParamError {
        ParamError("parameter '\(name)' expects \(type.rawValue) (\(what)), got '\(text)'")
    }

    /// `min (integer, default 100000): smallest population`.
    public var summary: String {
        var text = "\(name) (\(type.rawValue)"
        if let defaultValue { text += ", default \(defaultValue.text)" }
        if required { text += ", required" }
        if let enumValues { text += ", one of \(enumValues.joined(separator: "|"))" }
        text += ")"
        if let description { text += ": \(description)" }
        return text
    }
}

/// A parameter value after conversion.
public enum ParamValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(String)

    public var text: String {
        switch self {
        case .string(let s), .date(let s): s
        case .integer(let i): String(i)
        case .number(let d): formatPlain(d)
        case .boolean(let b): b ? "true" : "false"
        }
    }
}

/// Why a parameter is not accepted (a usage error, exit 2).
public struct ParamError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
