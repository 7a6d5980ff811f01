/// The cell styles a written workbook uses, each added to `styles.xml` the first time a
/// cell asks for it (index 0 is the default).
struct WorkbookStyles {
    enum Style: Hashable {
        case plain
        /// A header cell.
        case bold
        /// The report's title.
        case title
        /// Text that starts like a formula: Excel's quote prefix keeps it text.
        case quoted
        /// A number with grouped digits and this many decimals.
        case number(decimals: Int)
        /// A fraction shown as a percentage with this many decimals.
        case percent(decimals: Int)
        /// A date serial shown as `yyyy-mm-dd`.
        case date
    }

    private var order: [Style] = [.plain]
    private var indexes: [Style: Int] = [.plain: 0]

    mutating func index(for style: Style) -> Int {
        if let index = indexes[style] { return index }
        order.append(style)
        indexes[style] = order.count - 1
        return order.count - 1
    }

    /// The number format code of a style, if it has one.
    private static func formatCode(_ style: Style) -> String? {
        switch style {
        case .number(let decimals): decimals > 0 ? "#,##0." + String(repeating: "0", count: decimals) : "#,##0"
        case .percent(let decimals): decimals > 0 ? "0." + String(repeating: "0", count: decimals) + "%" : "0%"
        case .date: "yyyy-mm-dd"
        default: nil
        }
    }

    var xml: String {
        var codes: [String] = []
        for style in order { if let code = Self.formatCode(style), !codes.contains(code) { codes.append(code) } }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        if !codes.isEmpty {
            xml += "<numFmts count=\"\(codes.count)\">"
            for (i, code) in codes.enumerated() {
                xml += "<numFmt numFmtId=\"\(164 + i)\" formatCode=\"\(WorkbookXMLText.escaped(code))\"/>"
            }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"3\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"14\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(order.count)\">"
        for style in order {
            let format = Self.formatCode(style).flatMap { code in codes.firstIndex(of: code).map { 164 + $0 } } ?? 0
            let font = style == .bold ? 1 : style == .title ? 2 : 0
            var attributes = "numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            if format != 0 { attributes += " applyNumberFormat=\"1\"" }
            if font != 0 { attributes += " applyFont=\"1\"" }
            if style == .quoted { attributes += " quotePrefix=\"1\"" }
            xml += "<xf \(attributes)/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
        return xml
    }
}
