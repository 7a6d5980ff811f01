/// Values parsed straight from a cell's bytes, for the common spellings only; anything
/// else returns nil and goes through ``ValueConverter`` (which has the final word).
enum CellParsing {
    /// `Int(text)`: an optional sign and decimal digits, within range.
    @inline(__always)
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var k = 0
        var negative = false
        if b.count > 0 && (b[0] == 0x2D || b[0] == 0x2B) {
            negative = b[0] == 0x2D
            k = 1
        }
        guard k < b.count, b.count - k <= 18 else { return nil }  // 18 digits cannot overflow
        var value = 0
        while k < b.count {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            value = value &* 10 &+ Int(d)
            k &+= 1
        }
        return negative ? -value : value
    }

    private static let powers: [Double] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                           1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// `Double(text)` for `[-+]digits[.digits]` with at most 15 significant digits, where one
    /// exact division gives the correctly rounded value; nil for everything else.
    @inline(__always)
    static func number(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var k = 0
        var negative = false
        if b.count > 0 && (b[0] == 0x2D || b[0] == 0x2B) {
            negative = b[0] == 0x2D
            k = 1
        }
        var mantissa = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        var intDigits = 0
        while k < b.count {
            let c = b[k]
            let d = c &- 0x30
            if d < 10 {
                mantissa = mantissa &* 10 &+ Int(d)
                digits &+= 1
                if seenPoint { fraction &+= 1 } else { intDigits &+= 1 }
            } else if c == 0x2E && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            k &+= 1
        }
        // Digits on both sides of a point (strtod would also take "1." and ".5"; leave them to it).
        guard intDigits > 0, !seenPoint || fraction > 0, digits <= 15 else { return nil }
        let value = fraction == 0 ? Double(mantissa) : Double(mantissa) / powers[fraction]
        return negative ? -value : value
    }

    /// `true`/`yes`/`false`/`no` in any ASCII case.
    @inline(__always)
    static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
        func equals(_ word: StaticString) -> Bool {
            guard b.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0..<b.count where lower(b[k]) != w[k] { return false }
            return true
        }
        if equals("true") || equals("yes") { return true }
        if equals("false") || equals("no") { return false }
        return nil
    }
}
