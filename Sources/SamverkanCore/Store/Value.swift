/// A typed field value in the record store.
public enum Value: Sendable, Equatable {
    case missing
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    /// A valid calendar date as `YYYY-MM-DD`.
    case date(String)
    /// A reference: the key as written, and the row it resolves to in the target (-1 if broken).
    case ref(key: String, row: Int32)
    case list([Value])

    /// True when the value is absent.
    public var isMissing: Bool { self == .missing }

    /// The text of a key or a value in messages and indexes (`1280`, `2016-01-01`).
    public var text: String {
        switch self {
        case .missing: ""
        case .string(let s), .date(let s): s
        case .integer(let i): String(i)
        case .number(let d): formatPlain(d)
        case .boolean(let b): b ? "true" : "false"
        case .ref(let key, _): key
        case .list(let items): items.map(\.text).joined(separator: ";")
        }
    }

    /// The numeric value of an integer or number, else nil.
    public var double: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }
}

/// A number without a needless `.0`: `26`, `10967.48`.
public func formatPlain(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
