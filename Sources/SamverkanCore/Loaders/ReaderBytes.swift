/// Byte-level helpers shared by the CSV and JSON readers: UTF-8 validation,
/// positions (1-based line and column, columns counting Unicode scalars) and
/// the messages both readers give for bytes that are not UTF-8 text.
enum ReaderBytes {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22

    /// The offset of the first byte in `p[from..<to]` that starts an invalid UTF-8
    /// sequence (stray continuation byte, truncated sequence, overlong form,
    /// surrogate, or beyond U+10FFFF), or nil when the range is valid UTF-8.
    static func firstInvalidUTF8(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        var k = from
        while k < to {
            let b = p[k]
            if b < 0x80 { k &+= 1; continue }
            var need = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return k
            }
            guard k + need < to else { return k }
            let second = p[k + 1]
            guard second >= low && second <= high else { return k }
            var m = 2
            while m <= need {
                guard p[k + m] & 0xC0 == 0x80 else { return k }
                m += 1
            }
            k += need + 1
        }
        return nil
    }

    /// The position of byte offset `q`, scanning forward from the start of a line
    /// whose number and first byte are known.
    static func position(_ p: UnsafePointer<UInt8>, of q: Int, line: Int, lineStart: Int) -> Position {
        var currentLine = line
        var currentStart = lineStart
        var k = lineStart
        while k < q {
            if p[k] == lineFeed { currentLine += 1; currentStart = k + 1 }
            k += 1
        }
        return Position(line: currentLine, column: 1 + scalarCount(p, from: currentStart, to: q))
    }

    /// How many Unicode scalars start in `p[from..<to]` (bytes that are not UTF-8 continuation bytes).
    @inline(__always)
    static func scalarCount(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Int {
        var count = 0
        var k = from
        while k < to {
            count &+= p[k] & 0xC0 != 0x80 ? 1 : 0
            k &+= 1
        }
        return count
    }

    /// True when the bytes start with a UTF-8 byte order mark (EF BB BF).
    static func hasUTF8BOM(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
    }

    /// True when the bytes start with a UTF-16 byte order mark (FF FE or FE FF).
    static func hasUTF16BOM(_ p: UnsafePointer<UInt8>, count n: Int) -> Bool {
        n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))
    }

    static let utf16Message = "the file is UTF-16 text; save it as UTF-8"

    static let nulMessage = "NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?)"

    static func invalidUTF8Message(_ byte: UInt8) -> String {
        "invalid UTF-8 (byte \(hex(byte))); save the file as UTF-8 (is it Latin-1 or Windows-1252?)"
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }
}
