/// Windows-1252 and ISO-8859-1 text, turned into UTF-8 before a CSV file is read. Each
/// byte is one character in either, so lines and columns (which count characters) are the
/// same in the UTF-8 text as in the file: every location stays exact.
///
/// Foundation's `String(data:encoding:)` would do the decoding, but it gives no location
/// for a byte Windows-1252 leaves undefined; here each one is reported where it stands.
enum SingleByteText {
    /// Windows-1252's characters for 0x80–0x9F (where ISO-8859-1 has C1 controls); 0 for
    /// the five bytes it leaves undefined.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The character a byte stands for, or nil for one the encoding leaves undefined.
    static func scalar(_ byte: UInt8, in encoding: TextEncoding) -> Unicode.Scalar? {
        if byte < 0x80 || encoding == .latin1 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// The bytes as UTF-8, and the position of each byte the encoding leaves undefined
    /// (written as U+FFFD).
    static func utf8(_ bytes: UnsafeRawBufferPointer, from encoding: TextEncoding) -> (text: [UInt8], undefined: [(Position, UInt8)]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var undefined: [(Position, UInt8)] = []
        var line = 1, column = 1
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let known = scalar(byte, in: encoding)
                if known == nil { undefined.append((Position(line: line, column: column), byte)) }
                UTF8.encode(known ?? "\u{FFFD}") { out.append($0) }
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
        }
        return (out, undefined)
    }

    /// `bytes` read as Windows-1252, for a message that shows what a file that is not
    /// UTF-8 would say in that encoding (`Malmö`).
    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = String.UnicodeScalarView()
        for byte in bytes { text.append(scalar(byte, in: .windows1252) ?? "\u{FFFD}") }
        return String(text)
    }
}
