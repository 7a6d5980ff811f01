/// Text in charts and maps: escaped, and its width estimated, since there are no font
/// metrics without a browser. The estimate (0.6 em per column) is generous for the system
/// sans-serif fonts, so what is laid out to fit does fit.
enum SVGText {
    static func width(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * 0.6
    }

    /// A `<text>` element; `attributes` are written as given (class, anchor, fill).
    static func element(_ text: String, x: Double, y: Double, _ attributes: String = "") -> String {
        "<text x=\"\(SVGNumber.text(x))\" y=\"\(SVGNumber.text(y))\"\(attributes.isEmpty ? "" : " " + attributes)>"
            + HTMLEscaping.escape(text) + "</text>"
    }

    /// The opening `<svg>` of a chart or map: its size, `role="img"` and the accessible name
    /// and description a screen reader gives (also `<title>` and `<desc>` inside).
    static func open(width: Double, height: Double, label: String?, description: String, className: String) -> [String] {
        let w = SVGNumber.text(width), h = SVGNumber.text(height)
        let name = [label, description].compactMap { $0 }.joined(separator: ". ")
        return ["<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(className)\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
                + " role=\"img\" aria-label=\"\(HTMLEscaping.escape(name))\">"]
            + (label.map { ["<title>\(HTMLEscaping.escape($0))</title>"] } ?? [])
            + ["<desc>\(HTMLEscaping.escape(description))</desc>"]
    }
}
