internal import CLua
import SamverkanCore

/// A value a `where` condition expects, taken from Lua once.
enum Expected {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case record(collection: Int32, row: Int32)
    case missing
    case unmatchable

    /// True when a stored value equals this. Keys compare as keys: a ref matches its key or
    /// its record, and a number matches a key or text written as that number (`12` matches
    /// the ref "12" and the code "12", as `get(12)` finds it).
    func matches(_ value: Value) -> Bool {
        switch (self, value) {
        case (.missing, .missing): return true
        case let (.text(t), .ref(key, _)): return t == key
        case let (.text(t), _):
            if let d = value.double { return Double(t) == d }
            return !value.isMissing && t == value.text
        case let (.number(n), .ref(key, _)), let (.number(n), .string(key)): return key == formatPlain(n)
        case let (.number(n), _): return value.double == n
        case let (.boolean(b), .boolean(v)): return b == v
        case let (.record(_, row), .ref(_, refRow)): return row == refRow
        default: return false
        }
    }
}

extension LuaRuntime {
    /// The `where` expectation of the Lua value at `index`.
    func expected(at index: Int32) -> Expected {
        switch lua_type(L, index) {
        case LUA_TSTRING: return .text(stack.string(at: index) ?? "")
        case LUA_TNUMBER: return .number(stack.number(at: index) ?? .nan)
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNIL: return .missing
        default:
            if let record = record(at: index) { return .record(collection: record.collection, row: record.row) }
            return .unmatchable
        }
    }

    /// [+1] Pushes sum/min/max/avg of values (missing skipped); returns the result count.
    func pushAggregate(_ op: String, values: [Value], target: Int?) -> Int32 {
        let present = values.filter { !$0.isMissing }
        switch op {
        case "sum":
            if present.allSatisfy({ if case .integer = $0 { true } else { false } }) {
                var total = 0
                for case .integer(let i) in present {
                    let (sum, overflow) = total.addingReportingOverflow(i)
                    if overflow { stack.push(present.compactMap(\.double).reduce(0, +)); return 1 }
                    total = sum
                }
                stack.push(total)
            } else {
                guard present.allSatisfy({ $0.double != nil }) else {
                    return stack.raise("sum: the values are not all numbers")
                }
                stack.push(present.compactMap(\.double).reduce(0, +))
            }
        case "avg":
            guard !present.isEmpty else { stack.pushNil(); return 1 }
            guard present.allSatisfy({ $0.double != nil }) else { return stack.raise("avg: the values are not all numbers") }
            stack.push(present.compactMap(\.double).reduce(0, +) / Double(present.count))
        case "min", "max":
            guard var best = present.first else { stack.pushNil(); return 1 }
            var bestKey = SortKey(best)
            for value in present.dropFirst() {
                let key = SortKey(value)
                let c = SortKey.compare(key, bestKey)
                if (op == "min" && c < 0) || (op == "max" && c > 0) { best = value; bestKey = key }
            }
            push(best, target: target)
        default:
            return stack.raise("unknown aggregate '\(op)'")
        }
        return 1
    }
}
