internal import CLua
import SamverkanCore

/// `fmt`: numbers, percentages and dates in the chosen locale (Swedish by default).
enum FormatLibrary {
    static func install(in runtime: LuaRuntime, base: Int32) throws(ScriptError) {
        try runtime.installAPI("fmt", [("number", number), ("percent", percent), ("date", date)])
        runtime.stack.setField(base, "fmt")
    }

    /// fmt.number(n [, decimals]) → "1 421 781"
    static let number: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard let value = runtime.stack.number(at: 1) else {
                return runtime.stack.raise("fmt.number: expected a number, got \(runtime.stack.typeName(at: 1))")
            }
            guard let decimals = runtime.decimals(at: 2, function: "fmt.number") else { return Raise.withLocation }
            let integral = lua_isinteger(L, 1) != 0
            runtime.stack.push(runtime.numberFormat.number(value, decimals: decimals ?? (integral ? 0 : nil)))
            return 1
        }
    }

    /// fmt.percent(fraction [, decimals]) → "26,0 %"
    static let percent: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let value = runtime.stack.number(at: 1) else {
                return runtime.stack.raise("fmt.percent: expected a number (a fraction such as 0.26), got \(runtime.stack.typeName(at: 1))")
            }
            guard let decimals = runtime.decimals(at: 2, function: "fmt.percent") else { return Raise.withLocation }
            runtime.stack.push(runtime.numberFormat.percent(value, decimals: decimals ?? 1))
            return 1
        }
    }

    /// fmt.date("2016-01-01") → "1 januari 2016"
    static let date: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            guard lua_type(L, 1) == LUA_TSTRING, let text = runtime.stack.string(at: 1) else {
                return runtime.stack.raise("fmt.date: expected a date string YYYY-MM-DD, got \(runtime.stack.typeName(at: 1))")
            }
            guard CalendarDate.isValid(text) else {
                return runtime.stack.raise("fmt.date: '\(text)' is not a valid date YYYY-MM-DD")
            }
            runtime.stack.push(runtime.numberFormat.date(text))
            return 1
        }
    }
}

extension LuaRuntime {
    var numberFormat: NumberFormat { NumberFormat(locale: options.locale) }

    /// The optional decimals argument: .some(nil) when absent, nil (with an error pushed) when bad.
    func decimals(at index: Int32, function: String) -> Int?? {
        if stack.isNoneOrNil(index) { return .some(nil) }
        guard let d = stack.integer(at: index), (0...15).contains(d) else {
            _ = stack.raise("\(function): decimals must be a whole number from 0 to 15")
            return nil
        }
        return .some(d)
    }
}
