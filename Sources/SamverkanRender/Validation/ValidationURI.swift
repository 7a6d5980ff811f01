/// File paths as URI references for the `sarif` format (RFC 3986).
enum ValidationURI {
    /// `data/my file.csv` → `data/my%20file.csv`: every byte of the UTF-8 path except the
    /// unreserved characters (`A–Z a–z 0–9 - . _ ~`) and `/` is percent-encoded, so a
    /// relative path stays a relative reference (`:` too is encoded, lest `c:x` read as
    /// a scheme) and `å` becomes `%C3%A5`.
    static func encode(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
