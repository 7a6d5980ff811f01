/// Numbers as a Swedish Excel writes them: `12,5`, `1 234,5`, `-1 234` (the groups split
/// by a space, a no-break space or a narrow no-break space), for collections whose schema
/// says `decimal: ","`; and the hint for a collection whose schema does not.
enum DecimalComma {
    private static let groupSeparators: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{202F}"]

    /// The number in the form the converter reads (`1234.5`), or nil when `text` is not one
    /// written with a decimal comma and optional digit groups.
    static func plain(_ text: String) -> String? {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        if let sign = scalars.first, sign == "-" || sign == "+" {
            out.append(sign)
            scalars = scalars.dropFirst()
        }
        var digits = 0, fraction = false, fractionDigits = 0
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if ("0"..."9").contains(scalar) {
                out.append(scalar)
                if fraction { fractionDigits += 1 } else { digits += 1 }
            } else if groupSeparators.contains(scalar) && !fraction && previous.map({ ("0"..."9").contains($0) }) == true {
                // A separator between digits of the whole part only.
            } else if scalar == "," && !fraction && digits > 0 {
                fraction = true
                out.append(".")
            } else {
                return nil
            }
            previous = scalar
        }
        guard digits > 0, !fraction || fractionDigits > 0, let last = previous, ("0"..."9").contains(last) else { return nil }
        return String(out)
    }

    /// True when `text` reads as a number only with a decimal comma (`12,5`, `1 234,5`):
    /// what a number field of a collection without `decimal: ","` gets from a Swedish file.
    /// (`365 644` alone is not: it gets the converter's own "write it without spaces".)
    static func isSwedish(_ text: String) -> Bool {
        text.contains(",") && plain(text) != nil
    }

    /// The message for the first such cell of a file.
    static func message(field: String, text: String, collection: String) -> String {
        "\(field) \"\(text)\" is written with a decimal comma; add decimal: \",\" to collection '\(collection)' "
            + "in schema.yaml (the other cells like it follow from this one)"
    }
}
