import SamverkanCore

/// Text for a terminal with its control characters made visible, so that a data value or a
/// script's string holding `ESC [ 1 A` cannot move the cursor, clear a line or fake a line
/// of the output ("all checks passed"). C0 controls and DEL become their Unicode control
/// pictures (ESC → ␛, CR → ␍), C1 controls (U+0080–U+009F, which some terminals obey) become
/// U+FFFD. Line feeds and tabs stay: the layouts break and indent on them.
public enum VisibleText {
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09: out.append(scalar)
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }
}

extension ReportDocument {
    /// Every text of the document through ``VisibleText/visible(_:)`` (the text format's input).
    func visibleText() -> ReportDocument {
        var copy = self
        copy.blocks = blocks.map(Self.visible)
        return copy
    }

    private static func visible(_ block: Block) -> Block {
        let v = VisibleText.visible
        switch block {
        case .title(let text): return .title(v(text))
        case .heading(let text): return .heading(v(text))
        case .paragraph(let text): return .paragraph(v(text))
        case .list(let items): return .list(items.map(v))
        case .facts(let facts):
            return .facts(facts.map { (fact: Fact) -> Fact in
                var f = fact
                f.label = v(fact.label)
                f.value = fact.value.visibleText()
                return f
            })
        case .table(let table):
            return .table(table.visibleText())
        case .chart(let chart): return .chart(chart.visibleText())
        case .charts(let multiples):
            return .charts(SmallMultiples(title: multiples.title.map(v), charts: multiples.charts.map { $0.visibleText() }))
        case .map(let map):
            var m = map
            m.title = map.title.map(v)
            m.values = Dictionary(map.values.map { (v($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            return .map(m)
        }
    }
}

extension Chart {
    /// Title, x labels and series names through ``VisibleText/visible(_:)``.
    func visibleText() -> Chart {
        var c = self
        c.title = title.map(VisibleText.visible)
        c.x = x.map { $0.visibleText() }
        c.series = series.map { ChartSeries(name: $0.name.map(VisibleText.visible), values: $0.values) }
        c.highlight = highlight.map(VisibleText.visible)
        return c
    }
}

extension Table {
    /// The cells and titles through ``VisibleText/visible(_:)`` (a query's text table).
    func visibleText() -> Table {
        var t = self
        t.title = title.map(VisibleText.visible)
        t.columns = columns.map { column in
            var c = column
            c.title = VisibleText.visible(column.title)
            return c
        }
        t.rows = rows.map { $0.map { $0.visibleText() } }
        return t
    }
}

extension Cell {
    func visibleText() -> Cell {
        if case .text(let s) = self { return .text(VisibleText.visible(s)) }
        return self
    }
}
