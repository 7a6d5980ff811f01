import SamverkanCore

/// A map's values as a list, largest first: how text and Markdown show a map, and HTML
/// when there are no boundaries to draw.
struct MapRanking {
    struct Entry: Equatable {
        var code: String
        /// The area's name from the geometry, when it knows the code.
        var name: String?
        var value: Double
    }

    let entries: [Entry]

    /// Areas with a value, largest first; ties in Swedish order of name (else code).
    init(_ map: MapSpec, geometry: (any GeometryProvider)?) {
        var names: [String: String] = [:]
        for shape in geometry?.boundaries(for: map.level) ?? [] { names[shape.code] = shape.name }
        entries = map.values
            .map { Entry(code: $0.key, name: names[$0.key], value: $0.value) }
            .sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                return SwedishCollation.less(a.name ?? a.code, b.name ?? b.code)
            }
    }

    /// True when some entry has a name, so a name column is worth showing.
    var hasNames: Bool { entries.contains { $0.name != nil } }

    /// As a table: code, area name (when known) and the formatted value.
    func table(_ map: MapSpec, formatter: CellFormatter) -> FormattedTable {
        let phrases = formatter.phrases
        let withNames = hasNames
        let rows = entries.map { entry in
            [FormattedCell(text: entry.code, isNumeric: false)]
                + (withNames ? [FormattedCell(text: entry.name ?? "", isNumeric: false)] : [])
                + [FormattedCell(text: formatter.format(entry.value, as: map.format, decimals: map.decimals), isNumeric: true)]
        }
        return FormattedTable(
            title: nil,
            headers: [phrases.code] + (withNames ? [phrases.area] : []) + [phrases.value],
            numericColumns: [false] + (withNames ? [false] : []) + [true],
            rows: rows
        )
    }
}
