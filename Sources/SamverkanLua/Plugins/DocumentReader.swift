internal import CLua
import SamverkanCore

extension LuaRuntime {
    /// Reads the blocks the `out` builder collected (plain values only) into a document.
    func readDocument(at index: Int32) -> ReportDocument {
        var document = ReportDocument()
        guard stack.type(index) == LUA_TTABLE else { return document }
        for i in 0..<stack.rawLength(index) {
            stack.rawIndex(index, i + 1)
            if let block = readBlock(at: stack.top) { document.blocks.append(block) }
            stack.pop()
        }
        return document
    }

    private func readBlock(at b: Int32) -> Block? {
        let text = stack.rawString(b, "text") ?? ""
        switch stack.rawString(b, "type") ?? "" {
        case "title": return .title(text)
        case "heading": return .heading(text)
        case "paragraph": return .paragraph(text)
        case "list": return .list(stack.rawStrings(b, "items") ?? [])
        case "facts":
            return .facts(rows(of: b, "facts") { f in
                Fact(label: stack.rawString(f, "label") ?? "", value: cell(of: f, "value"), format: format(of: f))
            })
        case "table":
            let count = stack.rawInteger(b, "ncolumns") ?? 0
            let columns = rows(of: b, "columns") { c in
                Column(title: stack.rawString(c, "title") ?? "", format: format(of: c), decimals: stack.rawInteger(c, "decimals"))
            }
            let cells = rows(of: b, "rows") { r in
                (0..<count).map { i -> Cell in
                    stack.rawIndex(r, i + 1)
                    defer { stack.pop() }
                    return cell(at: stack.top)
                }
            }
            return .table(Table(title: stack.rawString(b, "title"), columns: columns, rows: cells))
        case "chart": return .chart(chart(at: b))
        case "charts":
            return .charts(SmallMultiples(title: stack.rawString(b, "title"), charts: rows(of: b, "charts") { chart(at: $0) }))
        case "map":
            var values: [String: Double] = [:]
            if stack.getField(b, "values") == LUA_TTABLE {
                let t = stack.top
                lua_pushnil(L)
                while lua_next(L, t) != 0 {
                    if stack.type(-2) == LUA_TSTRING, let code = stack.string(at: -2), let v = stack.number(at: -1) {
                        values[code] = v
                    }
                    stack.pop()
                }
            }
            stack.pop()
            let level = MapSpec.Level(rawValue: stack.rawString(b, "level") ?? "") ?? .regions
            return .map(MapSpec(level: level, title: stack.rawString(b, "title"), values: values,
                                format: format(of: b), decimals: stack.rawInteger(b, "decimals")))
        default:
            return nil
        }
    }

    /// Calls `body` with each table of the array in field `name`; collects the results.
    private func rows<T>(of table: Int32, _ name: String, _ body: (Int32) -> T) -> [T] {
        guard stack.getField(table, name) == LUA_TTABLE else { stack.pop(); return [] }
        let array = stack.top
        defer { stack.pop() }
        return (0..<stack.rawLength(array)).compactMap { i in
            guard stack.rawIndex(array, i + 1) == LUA_TTABLE else { stack.pop(); return nil }
            defer { stack.pop() }
            return body(stack.top)
        }
    }

    /// A chart block as out.lua checked it: `nx` x positions, each series with `nx` values
    /// (nil for a gap, so the length is given, not measured).
    private func chart(at b: Int32) -> Chart {
        let count = stack.rawInteger(b, "nx") ?? 0
        let x = cells(of: b, "x", count: count)
        let series = rows(of: b, "series") { s in
            ChartSeries(name: stack.rawString(s, "name"), values: cells(of: s, "values", count: count).map(\.double))
        }
        let kind = Chart.Kind(rawValue: stack.rawString(b, "kind") ?? "") ?? .bar
        return Chart(kind: kind, title: stack.rawString(b, "title"), x: x, xTitle: stack.rawString(b, "x_title"), series: series,
                     highlight: stack.rawString(b, "highlight"), stacked: stack.rawBool(b, "stacked"),
                     y: ChartAxis(format: format(of: b), decimals: stack.rawInteger(b, "decimals"), zero: stack.rawBool(b, "zero")))
    }

    /// The first `count` entries of the array in field `name`, as cells (nil is missing).
    private func cells(of table: Int32, _ name: String, count: Int) -> [Cell] {
        guard stack.getField(table, name) == LUA_TTABLE else { stack.pop(); return Array(repeating: .missing, count: count) }
        let array = stack.top
        defer { stack.pop() }
        return (0..<count).map { i in
            stack.rawIndex(array, i + 1)
            defer { stack.pop() }
            return cell(at: stack.top)
        }
    }

    private func format(of table: Int32) -> ValueFormat {
        ValueFormat(rawValue: stack.rawString(table, "format") ?? "") ?? .text
    }

    private func cell(of table: Int32, _ name: String) -> Cell {
        stack.getField(table, name)
        defer { stack.pop() }
        return cell(at: stack.top)
    }

    /// The cell of a plain Lua value.
    func cell(at index: Int32) -> Cell {
        switch stack.type(index) {
        case LUA_TSTRING: return .text(stack.string(at: index) ?? "")
        case LUA_TNUMBER:
            return lua_isinteger(L, index) != 0 ? .integer(stack.integer(at: index) ?? 0) : .number(stack.number(at: index) ?? 0)
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        default: return .missing
        }
    }
}
