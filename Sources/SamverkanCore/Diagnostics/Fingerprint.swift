/// A finding's fingerprint: what identifies it across runs, not where it stands.
///
/// Built from the rule, the record (collection and key; the file's name when there is no
/// collection), the field, and the message's stable part: the message with every number
/// written as its digits alone (`2 700 000`, `2,700,000` and `2700000` are one number, so
/// the locale does not matter) and every `line N` reference dropped (inserting a line
/// above a record moves it, and its duplicate's "first used on line 61", but changes
/// neither). Line and column numbers are not part of it. A changed value is a changed
/// message, so a finding whose numbers change comes back to be looked at again.
///
/// The hash is 64-bit FNV-1a over those parts, written as 16 hex digits: stable across
/// runs, machines and versions of Swift (Swift's own `Hasher` is seeded per process).
extension Diagnostic {
    public var fingerprint: String {
        let subject = collection ?? location.map { Self.fileName($0.file) } ?? ""
        let parts = [rule, subject, key ?? "", field ?? "", Self.stableMessage(message)]
        var hash = FNV1a.offset
        for (i, part) in parts.enumerated() {
            if i > 0 { hash = FNV1a.mix(hash, 0x1F) }
            for byte in part.utf8 { hash = FNV1a.mix(hash, byte) }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The message with numbers as bare digits and `line N` references dropped.
    static func stableMessage(_ message: String) -> String {
        let scalars = Array(message.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < scalars.count && scalars[k].properties.numericType == .decimal && scalars[k].isASCII }
        // Separators a number may hold between its digits in either locale.
        func isSeparator(_ s: Unicode.Scalar) -> Bool { s == " " || s == "," || s == "." || s == "\u{A0}" || s == "\u{202F}" }
        while i < scalars.count {
            if let skip = lineReference(scalars, at: i) {
                i = skip
                continue
            }
            if isDigit(i) {
                while i < scalars.count {
                    if isDigit(i) {
                        out.append(scalars[i])
                        i += 1
                    } else if isSeparator(scalars[i]) && isDigit(i + 1) {
                        i += 1
                    } else {
                        break
                    }
                }
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// The end of `line N` / `lines N` (or `rad N`) starting at `i`, a whole word, else nil.
    private static func lineReference(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        guard i == 0 || !s[i - 1].properties.isAlphabetic else { return nil }
        for word in ["lines ", "line ", "rad "] {
            let w = Array(word.unicodeScalars)
            guard i + w.count < s.count, Array(s[i..<(i + w.count)]) == w else { continue }
            var k = i + w.count
            guard s[k].isASCII, s[k].properties.numericType == .decimal else { continue }
            while k < s.count, s[k].isASCII, s[k].properties.numericType == .decimal { k += 1 }
            return k
        }
        return nil
    }
}
