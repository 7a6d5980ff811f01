/// Escaping for the `junit` format's XML 1.0.
public enum ValidationXMLEscaping {
    /// Character data: `&`, `<` and `>` escaped; characters XML 1.0 forbids dropped.
    public static func text(_ value: String) -> String {
        escape(value, attribute: false)
    }

    /// An attribute value in double quotes: also `"` and `'` escaped, and tab, line feed
    /// and carriage return as character references, so attribute normalization keeps them.
    public static func attribute(_ value: String) -> String {
        escape(value, attribute: true)
    }

    /// True for the characters XML 1.0 allows (its production `Char`): tab, line feed,
    /// carriage return, and U+0020 and up except U+FFFE and U+FFFF. Swift strings hold
    /// no surrogates, so those need no check.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ value: String, attribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars where isAllowed(scalar) {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"  // a raw CR in text would be read back as a line feed
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
