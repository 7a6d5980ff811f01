/// A chart: one or more series of values over the same x positions.
///
/// A bar chart has one bar per x label (per series: grouped, or `stacked`); a line chart one
/// line per series across the x values (years, say), with a gap where a value is missing.
/// `out:chart{ labels = …, values = … }` is the one-series bar chart of the first round.
public struct Chart: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case bar, line }

    public var kind: Kind
    public var title: String?
    /// The x positions: labels (`"Region Skåne"`) or numbers (`1950`, placed to scale on a
    /// line chart's axis when they all are).
    public var x: [Cell]
    /// What the x positions are (`"År"`): the first column of the chart's data table.
    public var xTitle: String?
    /// Each as long as `x`.
    public var series: [ChartSeries]
    /// The name of a series drawn stronger than the others (which are muted).
    public var highlight: String?
    /// Bars of several series on top of each other rather than side by side.
    public var stacked: Bool
    public var y: ChartAxis

    public init(kind: Kind = .bar, title: String? = nil, x: [Cell], xTitle: String? = nil, series: [ChartSeries],
                highlight: String? = nil, stacked: Bool = false, y: ChartAxis = ChartAxis()) {
        self.kind = kind
        self.title = title
        self.x = x
        self.xTitle = xTitle
        self.series = series
        self.highlight = highlight
        self.stacked = stacked
        self.y = y
    }

    /// A bar chart of one unnamed series: one bar per label.
    public init(title: String? = nil, labels: [String], values: [Double], format: ValueFormat = .number, decimals: Int? = nil) {
        self.init(kind: .bar, title: title, x: labels.map(Cell.text), series: [ChartSeries(values: values.map(Optional.some))],
                  y: ChartAxis(format: format, decimals: decimals))
    }

    /// True when every x is a number: a line chart then spaces them to scale.
    public var numericX: Bool { !x.isEmpty && x.allSatisfy { $0.double != nil } }

    /// Every value the chart draws, for its scale; stacked bars count their totals.
    public var drawnValues: [Double] {
        var values = series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite)
        if stacked && kind == .bar {
            for i in x.indices {
                var up = 0.0, down = 0.0
                for s in series { if let v = s.value(at: i), v.isFinite { if v < 0 { down += v } else { up += v } } }
                values += [up, down]
            }
        }
        return values
    }

    /// The chart's data as a table: the x column (titled `xTitle`, else `defaultXTitle`),
    /// then one column per series (an unnamed one titled by `seriesTitle`).
    public func dataTable(defaultXTitle: String, seriesTitle: (Int) -> String) -> Table {
        let columns = [Column(title: xTitle ?? defaultXTitle)]
            + series.indices.map { Column(title: series[$0].name ?? seriesTitle($0), format: y.format, decimals: y.decimals) }
        let rows = x.indices.map { i in
            [x[i]] + series.map { s in s.value(at: i).map(Cell.init(chartValue:)) ?? .missing }
        }
        return Table(title: title, columns: columns, rows: rows)
    }
}

/// One line, or one colour of bars.
public struct ChartSeries: Sendable, Equatable {
    /// Shown in the legend; a one-series chart may leave it out.
    public var name: String?
    /// One per x position; `nil` is a gap.
    public var values: [Double?]

    public init(name: String? = nil, values: [Double?]) {
        self.name = name
        self.values = values
    }

    /// The value at x position `i`; nil for a gap or past the end.
    public func value(at i: Int) -> Double? { values.indices.contains(i) ? values[i] : nil }
}

/// How a chart's values are scaled and written.
public struct ChartAxis: Sendable, Equatable {
    public var format: ValueFormat
    public var decimals: Int?
    /// Whether the scale starts at zero (bars always do; a line chart may zoom to its values).
    public var zero: Bool

    public init(format: ValueFormat = .number, decimals: Int? = nil, zero: Bool = true) {
        self.format = format
        self.decimals = decimals
        self.zero = zero
    }
}

/// Small multiples: one chart per facet (a region, say), all on one scale so they compare.
public struct SmallMultiples: Sendable, Equatable {
    public var title: String?
    /// Each chart's title is its facet's name; all share kind, x and axis.
    public var charts: [Chart]

    public init(title: String? = nil, charts: [Chart]) {
        self.title = title
        self.charts = charts
    }

    /// Every value drawn by any facet: the shared scale.
    public var drawnValues: [Double] { charts.flatMap(\.drawnValues) }
}

extension Cell {
    /// A chart's value as a table cell: whole numbers as integers (a workbook then shows
    /// `843 027`, not `843 027,00`).
    public init(chartValue value: Double) {
        self = value.isFinite && value == value.rounded() && abs(value) < 9e15 ? .integer(Int(value)) : .number(value)
    }
}
