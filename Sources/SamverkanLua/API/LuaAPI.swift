import SamverkanCore

/// The Lua API, declared once: every global, table, function and method scripts see, and
/// the tables plugins return. From this come the installation into the runtime and every
/// argument check (`api.lua`), `samverkan types` (``LuaAnnotations``), `samverkan help api`
/// and `docs/lua-api.md` (``APIReference``). A function added here and not implemented, or
/// implemented and not added here, stops the runtime from starting (a test starts one).
public enum LuaAPI {
    /// The classes, in the order the reference shows them.
    public static let classes: [APIClass] = [globals, kb, collection, record, fmt, text, out, table, findings]

    /// The class named `name`.
    public static func `class`(_ name: String) -> APIClass? { classes.first { $0.name == name } }

    private typealias P = APIParameter
    private typealias F = APIFunction

    private static let predicate = "fun(r: $R): boolean"
    /// The parameters of `findings:error`, `warning` and `add`.
    private static let finding = [P("record", .record, "table", optional: true), P("message", .string),
                                  P("opts", .table, "{ field?: string }", optional: true)]
    private static let field = "string|fun(r: $R): any"

    static let globals = APIClass("globals", methods: false, prefix: "",
        summary: "Functions every script and plugin can call, besides Lua's own (string, table, math, utf8, os.time/date/clock, pairs, …).", [
        F("param_error", [P("name", .string), P("message", .string)],
          "Rejects the value of the plugin's parameter `name`: the command stops with a usage error (exit 2), `parameter 'name' message (plugin 'p')`. Does not return.",
          example: "param_error(\"year\", \"is \" .. params.year .. \", a year without figures\")"),
        F("t", [P("texts", .table, "{ sv: string, en: string }")], returns: "string",
          "The text in the run's language (`--locale sv`, the default, or `en`): how a plugin speaks both. A language the run needs and the table lacks is an error.",
          example: "out:heading(t{ sv = \"Regioner\", en = \"Regions\" })"),
        F("note", [P("message", .text)],
          "Tells the user something on stderr (`note: message (file:line)`) without stopping: a record a report skips, an assumption it makes.",
          example: "note(\"skipping \" .. tostring(p) .. \": its municipality is missing\")"),
        F("print", [P("...", .any)], variadic: true,
          "Writes its arguments, tab-separated, as a line: to stdout under `samverkan run`, to stderr under `report`, `query` and `validate` (whose stdout is the chosen format).",
          example: "print(\"checked\", n, \"records\")"),
        F("describe", [P("value", .any, optional: true)],
          "Prints what a value is: a record's fields with their types and values, a collection's size and schema, a function's signature from this reference.",
          example: "describe(kb.municipalities:get(\"1280\"))"),
        F("require", [P("name", .string)], returns: "any",
          "Loads the module `lib/NAME.lua` of the plugin folders once and returns what it returns; dots name sub-folders.",
          example: "local util = require(\"report_util\")"),
    ])

    static let kb = APIClass("kb", methods: true, prefix: "kb:",
        summary: "The knowledge base, read-only: `kb.NAME` is a collection (or, for a single collection, its record).", [
        F("collections", returns: "string[]", "The collection names, in schema order.",
          example: "for _, name in ipairs(kb:collections()) do print(name, #kb[name]) end"),
    ])

    static let collection = APIClass("collection", methods: true, prefix: "", variable: "c",
        summary: "A collection, or a filtered or sorted view of one: `#c` counts, `c[i]` is the i-th record, `for r in c:each()` iterates. Views are collections too.",
        fields: [APIField("name", "string", "The collection's name."),
                 APIField("schema", "{ key: string?, fields: table<string, { type: string, required: boolean }> }",
                          "The collection's schema: its key and fields.")], [
        F("each", returns: "fun(): $R?", "Iterates over the records.",
          example: "for m in kb.municipalities:each() do print(m.name) end"),
        F("get", [P("key", .key, "$K|$R")], returns: "$R?",
          "The record with this primary key, or nil. A number is taken as the key it writes (`get(1280)` finds \"1280\").",
          example: "local malmo = kb.municipalities:get(\"1280\")"),
        F("filter", [P("fn", .function, predicate)], returns: "$C",
          "The records for which `fn` returns true (it must return true, false or nil).",
          example: "local large = kb.municipalities:filter(function(m) return m.land_area_km2 > 1000 end)"),
        F("where", [P("conditions", .table, "table<string, any>")], returns: "$C",
          "The records whose fields equal the given values. A ref equals its key or its record, and a number equals the key it writes.",
          example: "local skane = kb.municipalities:where{ region = \"12\" }"),
        F("sort_by", [P("by", .fieldOrFunction, field), P("direction", .string, "\"asc\"|\"desc\"", optional: true)], returns: "$C",
          "The records sorted by a field path or a key function (stable; text in Swedish order; missing values last).",
          example: "local largest = kb.municipalities:sort_by(\"land_area_km2\", \"desc\")"),
        F("limit", [P("n", .integer)], returns: "$C", "The first `n` records.",
          example: "local top5 = kb.municipalities:sort_by(\"land_area_km2\", \"desc\"):limit(5)"),
        F("map", [P("fn", .function, "fun(r: $R): any")], returns: "any[]", "`fn` of every record, as a plain array.",
          example: "local names = kb.regions:map(function(r) return r.name end)"),
        F("list", returns: "$R[]", "The records as a plain array.",
          example: "local all = kb.regions:list()"),
        F("count", [P("fn", .function, predicate, optional: true)], returns: "integer",
          "The number of records, or of those for which `fn` returns true.",
          example: "local n = kb.municipalities:count(function(m) return m.region.code == \"12\" end)"),
        F("first", [P("fn", .function, predicate, optional: true)], returns: "$R?",
          "The first record, or the first for which `fn` returns true; nil when there is none.",
          example: "local first = kb.population:first(function(p) return p.year == 2024 end)"),
        F("any", [P("fn", .function, predicate)], returns: "boolean", "Whether `fn` returns true for some record.",
          example: "local some = kb.population:any(function(p) return p.population > 300000 end)"),
        F("all", [P("fn", .function, predicate)], returns: "boolean", "Whether `fn` returns true for every record.",
          example: "local every = kb.population:all(function(p) return p.population > 0 end)"),
        F("sum", [P("f", .fieldOrFunction, field)], returns: "number",
          "The sum of a field path or a function (missing values skipped).",
          example: "local people = kb.population:where{ year = 2024 }:sum(\"population\")"),
        F("min", [P("f", .fieldOrFunction, field)], returns: "any", "The smallest value of a field path or a function; nil when empty.",
          example: "local smallest = kb.municipalities:min(\"land_area_km2\")"),
        F("max", [P("f", .fieldOrFunction, field)], returns: "any", "The largest value of a field path or a function; nil when empty.",
          example: "local largest = kb.municipalities:max(\"land_area_km2\")"),
        F("avg", [P("f", .fieldOrFunction, field)], returns: "number?", "The mean of a field path or a function; nil when empty.",
          example: "local mean = kb.municipalities:avg(\"land_area_km2\")"),
        F("group_by", [P("f", .fieldOrFunction, field)], returns: "{ key: any, items: $C }[]",
          "The records in groups of equal value, in order of first appearance.",
          example: "for _, g in ipairs(kb.municipalities:group_by(\"region\")) do print(g.key.name, #g.items) end"),
    ])

    static let record = APIClass("record", methods: true, prefix: "", variable: "r",
        summary: "A record, read-only: `r.field` is its value (nil when missing; a ref is the record it names, a relation a collection); an unknown name is an error.", [
        F("key", returns: "$K", "The primary key (nil for a single collection's record).",
          example: "local code = m:key()"),
        F("location", returns: "{ file: string, line: integer, column: integer }", "Where the record stands in its data file.",
          example: "local at = m:location().file .. \":\" .. m:location().line"),
        F("fields", returns: "table<string, any>", "The raw field values, refs as their keys.",
          example: "local raw = m:fields()"),
    ])

    static let fmt = APIClass("fmt", methods: false, prefix: "fmt.",
        summary: "Numbers, percentages and dates in the run's locale (`--locale sv|en`).", [
        F("number", [P("n", .number), P("decimals", .integer, optional: true)], returns: "string",
          "`1 421 781` (sv) or `1,421,781` (en); decimals 0–15.", example: "fmt.number(1421781)"),
        F("percent", [P("x", .number), P("decimals", .integer, optional: true)], returns: "string",
          "A fraction as a percentage: `26,0 %` (sv) or `26.0%` (en).", example: "fmt.percent(0.26)"),
        F("date", [P("d", .string)], returns: "string", "A date `YYYY-MM-DD` the locale's way: `1 januari 2016`.",
          example: "fmt.date(\"2016-01-01\")"),
    ])

    static let text = APIClass("text", methods: false, prefix: "text.",
        summary: "UTF-8 aware text helpers with Swedish collation (å, ä, ö after z).", [
        F("lower", [P("s", .text)], returns: "string", "Lower case, letters with marks too.", example: "text.lower(\"ÖSTRA\")"),
        F("upper", [P("s", .text)], returns: "string", "Upper case, letters with marks too.", example: "text.upper(\"östra\")"),
        F("less", [P("a", .text), P("b", .text)], returns: "boolean", "Whether `a` sorts before `b` in Swedish order.",
          example: "table.sort(names, text.less)"),
        F("len", [P("s", .text)], returns: "integer", "The number of characters (not bytes).", example: "text.len(\"Malmö\")"),
    ])

    static let out = APIClass("out", methods: true, prefix: "out:",
        summary: "The document a report's `run(kb, params, out)` builds; the host renders it in every format.", [
        F("title", [P("s", .localized)], "The report's title.", example: "out:title(\"Befolkning 2024\")"),
        F("heading", [P("s", .localized)], "A section heading.", example: "out:heading(\"Regioner\")"),
        F("paragraph", [P("s", .localized)], "A paragraph of text.", example: "out:paragraph(\"Källa: SCB.\")"),
        F("list", [P("items", .table, "string[]")], "A bulleted list.", example: "out:list{ \"Blekinge\", \"Skåne\" }"),
        F("facts", [P("facts", .table, "{ [1]: string, [2]: any, format?: samverkan.format }[]")],
          "Label and value pairs; a fact's `format` is text, number, percent or date.",
          example: "out:facts{ { \"Invånare\", 2700000, format = \"number\" } }"),
        F("table", [P("spec", .table, "{ columns: samverkan.column[], rows?: any[][], title?: string }")],
          returns: "samverkan.table",
          "A table; returns it, to add rows with `t:row{ … }`. A cell is a string, number, boolean, nil or a record (shown by its name).",
          example: "local t = out:table{ columns = { \"Region\", { title = \"Invånare\", format = \"number\" } } }"),
        F("chart", [P("spec", .table, "{ kind?: \"bar\"|\"line\", title?: string, labels?: string[], values?: number[], x?: (string|number)[], x_title?: string, series?: { name?: string, values: (number|nil)[] }[], highlight?: string, stacked?: boolean, y?: { format?: samverkan.format, decimals?: integer, zero?: boolean }, format?: samverkan.format, decimals?: integer }")],
          "A bar or line chart: `labels` and `values` for one series, or `x` and `series` for several (nil is a gap). `highlight` names the series drawn strongest; `stacked` piles bars; `y.zero = false` lets a line chart's scale start near its values.",
          example: "out:chart{ kind = \"line\", x = { 2000, 2024 }, series = { { name = \"Skåne\", values = { 1130000, 1428626 } } }, y = { zero = false } }"),
        F("charts", [P("spec", .table, "{ kind?: \"bar\"|\"line\", title?: string, x: (string|number)[], x_title?: string, facets: { title: string, series?: { name?: string, values: (number|nil)[] }[], values?: (number|nil)[] }[], highlight?: string, stacked?: boolean, y?: { format?: samverkan.format, decimals?: integer, zero?: boolean } }")],
          "Small multiples: one small chart per facet, all on one scale (so they compare); the keys are `out:chart`'s, with `facets` giving each chart's title and series.",
          example: "out:charts{ kind = \"line\", x = { 2000, 2024 }, facets = { { title = \"Blekinge\", values = { 150000, 159000 } } } }"),
        F("map", [P("spec", .table, "{ level?: \"regions\"|\"municipalities\", title?: string, values: table<string|table, number>, format?: samverkan.format, decimals?: integer }")],
          "A choropleth map of values by region or municipality code (or record).",
          example: "out:map{ level = \"regions\", values = { [\"12\"] = 1428626 } }"),
    ])

    static let table = APIClass("table", methods: true, prefix: "", variable: "t",
        summary: "A table of a report, as `out:table{ … }` returns it.", [
        F("row", [P("cells", .table, "any[]")], returns: "samverkan.table",
          "Adds a row: one cell per column, at most; returns the table.",
          example: "t:row{ region.name, region.land_area_km2 }"),
    ])

    static let findings = APIClass("findings", methods: true, prefix: "findings:",
        summary: "Where a validation's `check(record, findings, params)` or `run(kb, findings, params)` reports what it finds.", [
        F("error", finding,
          "An error about `record` (nil: about the data as a whole); `opts.field` names its field.",
          example: "findings:error(m, \"the land area is missing\", { field = \"land_area_km2\" })"),
        F("warning", finding,
          "A warning, as `findings:error`.", example: "findings:warning(m, \"no coordinates\")"),
        F("add", finding,
          "A finding with the plugin's `severity` (default error).", example: "findings:add(m, \"code does not start with its region's\")"),
    ])

    /// The keys of a plugin table.
    public static let pluginKeys: [PluginKey] = [
        PluginKey("kind", PluginKind.allCases, .string, "\"report\"|\"filter\"|\"validation\"", "What the plugin is (required)."),
        PluginKey("description", PluginKind.allCases, .string, "string", "One line for `samverkan list`."),
        PluginKey("tags", PluginKind.allCases, .table, "string[]", "Words for `--tag`."),
        PluginKey("params", PluginKind.allCases, .table, "table<string, samverkan.param>", "The parameters, by name (see below)."),
        PluginKey("requires", PluginKind.allCases, .table, "string[]", "Collections it reads besides `collection`."),
        PluginKey("requires_all", [.validation], .boolean, "boolean", "It reads every collection: `validate` skips it when any file could not be read."),
        PluginKey("collection", [.filter, .validation], .string, "string", "The collection a filter's `match` or a validation's `check` goes through."),
        PluginKey("run", [.report, .validation], .function, "function", "A report's `run(kb, params, out)`, or a validation's `run(kb, findings, params)`."),
        PluginKey("match", [.filter], .function, "fun(r: table, params: table): boolean", "Whether a record is kept; true, false or nil."),
        PluginKey("columns", [.filter], .table, "string[]", "The default columns: field paths like `region.name`, or `#relation`."),
        PluginKey("sort", [.filter], .any, "string|string[]", "The default order: a field path, `-` for descending, or a list of them."),
        PluginKey("check", [.validation], .function, "fun(r: table, findings: samverkan.findings, params: table)", "Called for each record of `collection` (instead of `run`)."),
        PluginKey("severity", [.validation], .string, "\"error\"|\"warning\"", "The severity of `findings:add` (default error)."),
    ]

    /// The keys of a parameter spec: `params = { year = { type = "integer", default = 2024 } }`.
    public static let paramKeys: [PluginKey] = [
        PluginKey("type", PluginKind.allCases, .string, "\"string\"|\"integer\"|\"number\"|\"boolean\"|\"date\"", "The value's type (required)."),
        PluginKey("default", PluginKind.allCases, .any, "any", "The value when `-p` does not give one; of the parameter's type."),
        PluginKey("required", PluginKind.allCases, .boolean, "boolean", "`-p name=value` must be given."),
        PluginKey("enum", PluginKind.allCases, .table, "any[]", "The values allowed."),
        PluginKey("description", PluginKind.allCases, .string, "string", "One line for `samverkan info`."),
    ]

    /// The plugin keys a kind may have, in declaration order.
    public static func keys(of kind: PluginKind) -> [PluginKey] { pluginKeys.filter { $0.kinds.contains(kind) } }
}
