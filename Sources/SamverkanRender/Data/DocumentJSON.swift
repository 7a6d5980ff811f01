import SamverkanCore

/// The document model as JSON, with raw values (`--format json`), and query tables as
/// arrays of records.
///
/// A document is `{"blocks": [...]}`; each block an object with `"type"` (`title`,
/// `heading`, `paragraph`, `list`, `facts`, `table`, `chart`, `charts`, `map`) and its fields, keys
/// sorted. Absent optional fields (`title`, `decimals`) are `null`, so every block of a
/// type has the same keys. Cells keep their type: integers as JSON integers, floats as
/// numbers, booleans as booleans, missing as `null`, dates and text as strings. Chart and
/// map values are floats in the model; whole ones are written as integers.
enum DocumentJSON {
    static func value(of document: ReportDocument) -> JSONValue {
        .sorted(["blocks": .array(document.blocks.map(value))])
    }

    static func value(of block: Block) -> JSONValue {
        switch block {
        case .title(let text): .sorted(["type": .string("title"), "text": .string(text)])
        case .heading(let text): .sorted(["type": .string("heading"), "text": .string(text)])
        case .paragraph(let text): .sorted(["type": .string("paragraph"), "text": .string(text)])
        case .list(let items): .sorted(["type": .string("list"), "items": .array(items.map(JSONValue.string))])
        case .facts(let facts):
            .sorted(["type": .string("facts"), "facts": .array(facts.map { fact in
                .sorted(["label": .string(fact.label), "value": value(of: fact.value), "format": .string(fact.format.rawValue)])
            })])
        case .table(let table):
            .sorted([
                "type": .string("table"),
                "title": optional(table.title),
                "columns": .array(table.columns.map { column in
                    .sorted(["title": .string(column.title), "format": .string(column.format.rawValue),
                             "decimals": column.decimals.map(JSONValue.integer) ?? .null])
                }),
                "rows": .array(table.paddedRows.map { .array($0.map(value)) }),
            ])
        case .chart(let chart): chartValue(chart)
        case .charts(let multiples):
            .sorted(["type": .string("charts"), "title": optional(multiples.title), "charts": .array(multiples.charts.map(chartValue))])
        case .map(let map):
            .sorted([
                "type": .string("map"), "level": .string(map.level.rawValue), "title": optional(map.title),
                "values": .sorted(map.values.mapValues(number)),
                "format": .string(map.format.rawValue), "decimals": map.decimals.map(JSONValue.integer) ?? .null,
            ])
        }
    }

    /// `{"type": "chart", "kind", "title", "x", "series": [{"name", "values"}], "highlight",
    /// "stacked", "y": {"format", "decimals", "zero"}}`; a gap in a series is `null`.
    private static func chartValue(_ chart: Chart) -> JSONValue {
        .sorted([
            "type": .string("chart"), "kind": .string(chart.kind.rawValue), "title": optional(chart.title),
            "x": .array(chart.x.map(value)), "x_title": optional(chart.xTitle),
            "series": .array(chart.series.map { series in
                .sorted(["name": optional(series.name), "values": .array(series.values.map { $0.map(number) ?? .null })])
            }),
            "highlight": optional(chart.highlight), "stacked": .bool(chart.stacked),
            "y": .sorted(["format": .string(chart.y.format.rawValue), "decimals": chart.y.decimals.map(JSONValue.integer) ?? .null,
                          "zero": .bool(chart.y.zero)]),
        ])
    }

    /// A query result: one object per row, keyed by column title in column order (the order
    /// asked for with `--columns`). A repeated title gets `_2`, `_3`… so no key is lost.
    static func records(of table: Table) -> JSONValue {
        var seen: [String: Int] = [:]
        let keys = table.columns.map { column -> String in
            seen[column.title, default: 0] += 1
            return seen[column.title]! > 1 ? "\(column.title)_\(seen[column.title]!)" : column.title
        }
        return .array(table.paddedRows.map { row in .object(Array(zip(keys, row.map(value)))) })
    }

    static func value(of cell: Cell) -> JSONValue {
        switch cell {
        case .missing: .null
        case .text(let text): .string(text)
        case .integer(let integer): .integer(integer)
        case .number(let number): .number(number)
        case .boolean(let flag): .bool(flag)
        }
    }

    private static func number(_ value: Double) -> JSONValue {
        value.isFinite && value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : .number(value)
    }

    private static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
