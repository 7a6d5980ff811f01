/// A report as a script built it with `out`, independent of any output format.
///
/// The host renders it as text, Markdown, HTML, JSON or CSV; scripts never format for one
/// output (SPEC §5.5).
public struct ReportDocument: Sendable, Equatable {
    public var blocks: [Block]

    public init(blocks: [Block] = []) { self.blocks = blocks }
}

/// One element of a report, in the order the script added it.
public enum Block: Sendable, Equatable {
    /// `out:title(s)` — the report's title (normally first, once).
    case title(String)
    /// `out:heading(s)` — a section heading.
    case heading(String)
    /// `out:paragraph(s)` — running text.
    case paragraph(String)
    /// `out:list{ … }` — a bulleted list.
    case list([String])
    /// `out:facts{ {label, value}, … }` — label/value pairs.
    case facts([Fact])
    /// `out:table{ columns = …, rows = … }` plus `t:row{ … }`.
    case table(Table)
    /// `out:chart{ kind = "bar" | "line", … }`.
    case chart(Chart)
    /// `out:charts{ …, facets = { … } }` — small multiples on one scale.
    case charts(SmallMultiples)
    /// `out:map{ … }` — a choropleth of regions or municipalities.
    case map(MapSpec)
}

/// A value in a table cell, a fact or a chart: kept raw, formatted by the renderer.
public enum Cell: Sendable, Equatable {
    case missing
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)

    /// The numeric value, if any.
    public var double: Double? {
        switch self {
        case .integer(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }
}

/// How a column's (or a fact's, a chart's) values are written.
public enum ValueFormat: String, Sendable, Equatable, CaseIterable {
    /// As given; numbers without grouping.
    case text
    /// Grouped per locale: `1 428 626` / `1,428,626`.
    case number
    /// A fraction as a percentage: 0.26 → `26,0 %` / `26.0%`.
    case percent
    /// `YYYY-MM-DD` → `1 januari 2016` / `1 January 2016`.
    case date
}

/// `{ "Founded", "2016-01-01", format = "date" }`.
public struct Fact: Sendable, Equatable {
    public var label: String
    public var value: Cell
    public var format: ValueFormat

    public init(label: String, value: Cell, format: ValueFormat = .text) {
        self.label = label
        self.value = value
        self.format = format
    }
}

/// A column: `"Region"` or `{ title = "Population", format = "number", decimals = 0 }`.
public struct Column: Sendable, Equatable {
    public var title: String
    public var format: ValueFormat
    /// Digits after the decimal separator (number: default 0 for integers, up to 2 otherwise;
    /// percent: default 1).
    public var decimals: Int?

    public init(title: String, format: ValueFormat = .text, decimals: Int? = nil) {
        self.title = title
        self.format = format
        self.decimals = decimals
    }
}

/// A table: columns and rows of cells (each row as long as `columns`).
public struct Table: Sendable, Equatable {
    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// A choropleth map: areas shaded by value, drawn from the GeoJSON boundaries in `data/geo/`.
///
/// `out:map{ level = "municipalities", title = …, values = { ["1280"] = 365644, … }, format = "number" }`
/// — keys are region codes (`"12"`) or municipality codes (`"1280"`).
public struct MapSpec: Sendable, Equatable {
    public enum Level: String, Sendable, CaseIterable { case regions, municipalities }
    public var level: Level
    public var title: String?
    /// Value per area code; areas without a value are drawn blank.
    public var values: [String: Double]
    public var format: ValueFormat
    public var decimals: Int?

    public init(level: Level, title: String? = nil, values: [String: Double], format: ValueFormat = .number,
                decimals: Int? = nil) {
        self.level = level
        self.title = title
        self.values = values
        self.format = format
        self.decimals = decimals
    }
}
