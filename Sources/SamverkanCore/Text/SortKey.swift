/// A value prepared for sorting: numbers by value, text in Swedish order.
///
/// Missing values sort last in both directions (see ``StableSort``).
public enum SortKey: Sendable {
    case missing
    case boolean(Bool)
    case number(Double)
    case text([UInt32], String)

    /// The sort key of a stored value (refs sort by their key).
    public init(_ value: Value) {
        switch value {
        case .missing: self = .missing
        case .boolean(let b): self = .boolean(b)
        case .integer(let i): self = .number(Double(i))
        case .number(let d): self = .number(d)
        case .string(let s), .date(let s): self = .text(SwedishCollation.key(s), s)
        case .ref(let key, _): self = .text(SwedishCollation.key(key), key)
        case .list: self = .text(SwedishCollation.key(value.text), value.text)
        }
    }

    /// The sort key of text.
    public static func text(_ s: String) -> SortKey { .text(SwedishCollation.key(s), s) }

    private var rank: Int {
        switch self {
        case .boolean: 0
        case .number: 1
        case .text: 2
        case .missing: 3
        }
    }

    /// -1, 0, 1 as `a` sorts before, with or after `b` (ascending; missing last).
    public static func compare(_ a: SortKey, _ b: SortKey) -> Int {
        switch (a, b) {
        case let (.boolean(x), .boolean(y)): return x == y ? 0 : (!x ? -1 : 1)
        case let (.number(x), .number(y)): return x == y ? 0 : (x < y ? -1 : 1)
        case let (.text(x, xs), .text(y, ys)):
            let primary = SwedishCollation.compareKeys(x, y)
            return primary != 0 ? primary : SwedishCollation.compare(xs, ys)
        default: return a.rank == b.rank ? 0 : (a.rank < b.rank ? -1 : 1)
        }
    }

    var isMissing: Bool { if case .missing = self { true } else { false } }
}

/// Stable multi-key sorting of row positions; descending keys keep missing values last.
public enum StableSort {
    /// The positions `0..<count` ordered by `keys` (one array of keys per sort criterion).
    public static func order(count: Int, keys: [[SortKey]], descending: [Bool]) -> [Int] {
        var positions = Array(0..<count)
        positions.sort { a, b in
            for (k, column) in keys.enumerated() {
                let x = column[a], y = column[b]
                if x.isMissing != y.isMissing { return y.isMissing }
                var c = SortKey.compare(x, y)
                if descending[k] { c = -c }
                if c != 0 { return c < 0 }
            }
            return a < b
        }
        return positions
    }
}
