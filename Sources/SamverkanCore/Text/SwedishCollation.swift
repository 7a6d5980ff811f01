/// Swedish alphabetical order: a–z, then å, ä, ö; case and accents matter only to break ties.
///
/// Written here because Foundation's locale-aware comparison on Linux depends on ICU data
/// and is slow per call; sorting 1M names needs precomputed keys.
public enum SwedishCollation {
    /// The primary sort weights of a string (case- and accent-insensitive).
    public static func key(_ text: String) -> [UInt32] {
        var weights: [UInt32] = []
        weights.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            appendWeights(of: scalar, to: &weights)
        }
        return weights
    }

    /// True when `a` sorts before `b` in Swedish order.
    public static func less(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// -1, 0 or 1 as `a` sorts before, with, or after `b`.
    public static func compare(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let primary = compareKeys(key(a), key(b))
        if primary != 0 { return primary }
        // Ties: lower case before upper case, then code point order, so the order is total.
        for (x, y) in zip(a.unicodeScalars, b.unicodeScalars) where x != y {
            let xl = x.properties.isLowercase, yl = y.properties.isLowercase
            if xl != yl { return xl ? -1 : 1 }
            return x.value < y.value ? -1 : 1
        }
        return a.unicodeScalars.count < b.unicodeScalars.count ? -1 : 1
    }

    /// Compares two keys made by ``key(_:)``.
    public static func compareKeys(_ a: [UInt32], _ b: [UInt32]) -> Int {
        for (x, y) in zip(a, b) where x != y {
            return x < y ? -1 : 1
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    private static func appendWeights(of scalar: Unicode.Scalar, to weights: inout [UInt32]) {
        let v = scalar.value
        switch v {
        case 0x61...0x7A: weights.append(1000 + (v - 0x61))              // a–z
        case 0x41...0x5A: weights.append(1000 + (v - 0x41))              // A–Z
        case 0x30...0x39: weights.append(500 + (v - 0x30))               // digits before letters
        case 0..<0x80: weights.append(v)                                 // space, punctuation
        default:
            if let letter = folded[v] {
                for unit in letter.unicodeScalars { appendWeights(of: unit, to: &weights) }
            } else if let weight = swedishLetters[v] {
                weights.append(weight)
            } else {
                weights.append(2000 + v)
            }
        }
    }

    private static let swedishLetters: [UInt32: UInt32] = [
        0xE5: 1026, 0xC5: 1026,             // å Å
        0xE4: 1027, 0xC4: 1027,             // ä Ä
        0xE6: 1027, 0xC6: 1027,             // æ Æ sort as ä
        0xF6: 1028, 0xD6: 1028,             // ö Ö
        0xF8: 1028, 0xD8: 1028,             // ø Ø sort as ö
    ]

    /// Accented letters that Swedish sorts as their base letter (ü as y).
    private static let folded: [UInt32: String] = {
        var map: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãÀÁÂÃ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõÒÓÔÕ", "o"), ("ùúûÙÚÛ", "u"), ("üÜýÿÝ", "y"), ("ß", "ss"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { map[scalar.value] = base }
        }
        return map
    }()
}
