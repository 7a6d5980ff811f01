---@meta samverkan
-- Lua language server (LuaLS) annotations for the knowledge base of schema.yaml,
-- written by `samverkan types`; run it again after changing the schema.

---The knowledge base: one field per collection of the schema (read-only).
---@class samverkan.kb
---@field organisation samverkan.organisation
---@field regions samverkan.regions.collection
---@field municipalities samverkan.municipalities.collection
kb = {}

---The collection names, in schema order.
---@return string[]
function kb:collections() end

---@class samverkan.organisation
---@field name string
---@field founded string?
---@field members integer?
local record_organisation = {}

---The primary key (nil for a single collection's record).
---@return nil
function record_organisation:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_organisation:location() end

---The raw field values, refs as their keys.
---@return table<string, any>
function record_organisation:fields() end

---@class samverkan.regions
---@field code string
---@field name string
---@field seat string?
---@field area number?
---@field municipalities samverkan.municipalities.collection The municipalities whose region is this record
local record_regions = {}

---The primary key (nil for a single collection's record).
---@return string
function record_regions:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_regions:location() end

---The raw field values, refs as their keys.
---@return table<string, any>
function record_regions:fields() end

---@class samverkan.regions.collection
---@field [integer] samverkan.regions
---@field name string The collection's name.
---@field schema { key: string?, fields: table<string, { type: string, required: boolean }> } The collection's schema: its key and fields.
local collection_regions = {}

---Iterates over the records.
---@return fun(): samverkan.regions?
function collection_regions:each() end

---The record with this primary key, or nil. A number is taken as the key it writes (`get(1280)` finds "1280").
---@param key string|samverkan.regions
---@return samverkan.regions?
function collection_regions:get(key) end

---The records for which `fn` returns true (it must return true, false or nil).
---@param fn fun(r: samverkan.regions): boolean
---@return samverkan.regions.collection
function collection_regions:filter(fn) end

---The records whose fields equal the given values. A ref equals its key or its record, and a number equals the key it writes.
---@param conditions table<string, any>
---@return samverkan.regions.collection
function collection_regions:where(conditions) end

---The records sorted by a field path or a key function (stable; text in Swedish order; missing values last).
---@param by string|fun(r: samverkan.regions): any
---@param direction? "asc"|"desc"
---@return samverkan.regions.collection
function collection_regions:sort_by(by, direction) end

---The first `n` records.
---@param n integer
---@return samverkan.regions.collection
function collection_regions:limit(n) end

---`fn` of every record, as a plain array.
---@param fn fun(r: samverkan.regions): any
---@return any[]
function collection_regions:map(fn) end

---The records as a plain array.
---@return samverkan.regions[]
function collection_regions:list() end

---The number of records, or of those for which `fn` returns true.
---@param fn? fun(r: samverkan.regions): boolean
---@return integer
function collection_regions:count(fn) end

---The first record, or the first for which `fn` returns true; nil when there is none.
---@param fn? fun(r: samverkan.regions): boolean
---@return samverkan.regions?
function collection_regions:first(fn) end

---Whether `fn` returns true for some record.
---@param fn fun(r: samverkan.regions): boolean
---@return boolean
function collection_regions:any(fn) end

---Whether `fn` returns true for every record.
---@param fn fun(r: samverkan.regions): boolean
---@return boolean
function collection_regions:all(fn) end

---The sum of a field path or a function (missing values skipped).
---@param f string|fun(r: samverkan.regions): any
---@return number
function collection_regions:sum(f) end

---The smallest value of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return any
function collection_regions:min(f) end

---The largest value of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return any
function collection_regions:max(f) end

---The mean of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return number?
function collection_regions:avg(f) end

---The records in groups of equal value, in order of first appearance.
---@param f string|fun(r: samverkan.regions): any
---@return { key: any, items: samverkan.regions.collection }[]
function collection_regions:group_by(f) end

---@class samverkan.municipalities
---@field code string
---@field name string
---@field region samverkan.regions
---@field population integer?
---@field coastal boolean?
---@field tags string[]?
local record_municipalities = {}

---The primary key (nil for a single collection's record).
---@return string
function record_municipalities:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_municipalities:location() end

---The raw field values, refs as their keys.
---@return table<string, any>
function record_municipalities:fields() end

---@class samverkan.municipalities.collection
---@field [integer] samverkan.municipalities
---@field name string The collection's name.
---@field schema { key: string?, fields: table<string, { type: string, required: boolean }> } The collection's schema: its key and fields.
local collection_municipalities = {}

---Iterates over the records.
---@return fun(): samverkan.municipalities?
function collection_municipalities:each() end

---The record with this primary key, or nil. A number is taken as the key it writes (`get(1280)` finds "1280").
---@param key string|samverkan.municipalities
---@return samverkan.municipalities?
function collection_municipalities:get(key) end

---The records for which `fn` returns true (it must return true, false or nil).
---@param fn fun(r: samverkan.municipalities): boolean
---@return samverkan.municipalities.collection
function collection_municipalities:filter(fn) end

---The records whose fields equal the given values. A ref equals its key or its record, and a number equals the key it writes.
---@param conditions table<string, any>
---@return samverkan.municipalities.collection
function collection_municipalities:where(conditions) end

---The records sorted by a field path or a key function (stable; text in Swedish order; missing values last).
---@param by string|fun(r: samverkan.municipalities): any
---@param direction? "asc"|"desc"
---@return samverkan.municipalities.collection
function collection_municipalities:sort_by(by, direction) end

---The first `n` records.
---@param n integer
---@return samverkan.municipalities.collection
function collection_municipalities:limit(n) end

---`fn` of every record, as a plain array.
---@param fn fun(r: samverkan.municipalities): any
---@return any[]
function collection_municipalities:map(fn) end

---The records as a plain array.
---@return samverkan.municipalities[]
function collection_municipalities:list() end

---The number of records, or of those for which `fn` returns true.
---@param fn? fun(r: samverkan.municipalities): boolean
---@return integer
function collection_municipalities:count(fn) end

---The first record, or the first for which `fn` returns true; nil when there is none.
---@param fn? fun(r: samverkan.municipalities): boolean
---@return samverkan.municipalities?
function collection_municipalities:first(fn) end

---Whether `fn` returns true for some record.
---@param fn fun(r: samverkan.municipalities): boolean
---@return boolean
function collection_municipalities:any(fn) end

---Whether `fn` returns true for every record.
---@param fn fun(r: samverkan.municipalities): boolean
---@return boolean
function collection_municipalities:all(fn) end

---The sum of a field path or a function (missing values skipped).
---@param f string|fun(r: samverkan.municipalities): any
---@return number
function collection_municipalities:sum(f) end

---The smallest value of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return any
function collection_municipalities:min(f) end

---The largest value of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return any
function collection_municipalities:max(f) end

---The mean of a field path or a function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return number?
function collection_municipalities:avg(f) end

---The records in groups of equal value, in order of first appearance.
---@param f string|fun(r: samverkan.municipalities): any
---@return { key: any, items: samverkan.municipalities.collection }[]
function collection_municipalities:group_by(f) end

---Rejects the value of the plugin's parameter `name`: the command stops with a usage error (exit 2), `parameter 'name' message (plugin 'p')`. Does not return.
---@param name string
---@param message string
function param_error(name, message) end

---The text in the run's language (`--locale sv`, the default, or `en`): how a plugin speaks both. A language the run needs and the table lacks is an error.
---@param texts { sv: string, en: string }
---@return string
function t(texts) end

---Tells the user something on stderr (`note: message (file:line)`) without stopping: a record a report skips, an assumption it makes.
---@param message string|number
function note(message) end

---Writes its arguments, tab-separated, as a line: to stdout under `samverkan run`, to stderr under `report`, `query` and `validate` (whose stdout is the chosen format).
---@param ... any
function print(...) end

---Prints what a value is: a record's fields with their types and values, a collection's size and schema, a function's signature from this reference.
---@param value? any
function describe(value) end

---Loads the module `lib/NAME.lua` of the plugin folders once and returns what it returns; dots name sub-folders.
---@param name string
---@return any
function require(name) end

---Numbers, percentages and dates in the run's locale (`--locale sv|en`).
fmt = {}

---`1 421 781` (sv) or `1,421,781` (en); decimals 0–15.
---@param n number
---@param decimals? integer
---@return string
function fmt.number(n, decimals) end

---A fraction as a percentage: `26,0 %` (sv) or `26.0%` (en).
---@param x number
---@param decimals? integer
---@return string
function fmt.percent(x, decimals) end

---A date `YYYY-MM-DD` the locale's way: `1 januari 2016`.
---@param d string
---@return string
function fmt.date(d) end

---UTF-8 aware text helpers with Swedish collation (å, ä, ö after z).
text = {}

---Lower case, letters with marks too.
---@param s string|number
---@return string
function text.lower(s) end

---Upper case, letters with marks too.
---@param s string|number
---@return string
function text.upper(s) end

---Whether `a` sorts before `b` in Swedish order.
---@param a string|number
---@param b string|number
---@return boolean
function text.less(a, b) end

---The number of characters (not bytes).
---@param s string|number
---@return integer
function text.len(s) end

---How a column or value is formatted.
---@alias samverkan.format "text"|"number"|"percent"|"date"

---Text per language: the run's `--locale` picks one.
---@alias samverkan.localized { sv: string, en: string }

---A column of `out:table`: a title, or a title and a format.
---@alias samverkan.column string|samverkan.localized|{ title: string|samverkan.localized, format?: samverkan.format, decimals?: integer }

---A table of a report, as `out:table{ … }` returns it.
---@class samverkan.table
local report_table = {}

---Adds a row: one cell per column, at most; returns the table.
---@param cells any[]
---@return samverkan.table
function report_table:row(cells) end

---The document a report's `run(kb, params, out)` builds; the host renders it in every format.
---@class samverkan.out
local out = {}

---The report's title.
---@param s string|number|samverkan.localized
function out:title(s) end

---A section heading.
---@param s string|number|samverkan.localized
function out:heading(s) end

---A paragraph of text.
---@param s string|number|samverkan.localized
function out:paragraph(s) end

---A bulleted list.
---@param items string[]
function out:list(items) end

---Label and value pairs; a fact's `format` is text, number, percent or date.
---@param facts { [1]: string, [2]: any, format?: samverkan.format }[]
function out:facts(facts) end

---A table; returns it, to add rows with `t:row{ … }`. A cell is a string, number, boolean, nil or a record (shown by its name).
---@param spec { columns: samverkan.column[], rows?: any[][], title?: string }
---@return samverkan.table
function out:table(spec) end

---A bar or line chart: `labels` and `values` for one series, or `x` and `series` for several (nil is a gap). `highlight` names the series drawn strongest; `stacked` piles bars; `y.zero = false` lets a line chart's scale start near its values.
---@param spec { kind?: "bar"|"line", title?: string, labels?: string[], values?: number[], x?: (string|number)[], x_title?: string, series?: { name?: string, values: (number|nil)[] }[], highlight?: string, stacked?: boolean, y?: { format?: samverkan.format, decimals?: integer, zero?: boolean }, format?: samverkan.format, decimals?: integer }
function out:chart(spec) end

---Small multiples: one small chart per facet, all on one scale (so they compare); the keys are `out:chart`'s, with `facets` giving each chart's title and series.
---@param spec { kind?: "bar"|"line", title?: string, x: (string|number)[], x_title?: string, facets: { title: string, series?: { name?: string, values: (number|nil)[] }[], values?: (number|nil)[] }[], highlight?: string, stacked?: boolean, y?: { format?: samverkan.format, decimals?: integer, zero?: boolean } }
function out:charts(spec) end

---A choropleth map of values by region or municipality code (or record).
---@param spec { level?: "regions"|"municipalities", title?: string, values: table<string|table, number>, format?: samverkan.format, decimals?: integer }
function out:map(spec) end

---Where a validation's `check(record, findings, params)` or `run(kb, findings, params)` reports what it finds.
---@class samverkan.findings
local findings = {}

---An error about `record` (nil: about the data as a whole); `opts.field` names its field.
---@param record? table
---@param message string
---@param opts? { field?: string }
function findings:error(record, message, opts) end

---A warning, as `findings:error`.
---@param record? table
---@param message string
---@param opts? { field?: string }
function findings:warning(record, message, opts) end

---A finding with the plugin's `severity` (default error).
---@param record? table
---@param message string
---@param opts? { field?: string }
function findings:add(record, message, opts) end

---A parameter spec: `params = { NAME = { type = …, default = … } }`.
---@class samverkan.param
---@field type "string"|"integer"|"number"|"boolean"|"date" The value's type (required).
---@field default? any The value when `-p` does not give one; of the parameter's type.
---@field required? boolean `-p name=value` must be given.
---@field enum? any[] The values allowed.
---@field description? string One line for `samverkan info`.

---The table a report plugin returns.
---@class samverkan.plugin.report
---@field kind "report"|"filter"|"validation" What the plugin is (required).
---@field description? string One line for `samverkan list`.
---@field tags? string[] Words for `--tag`.
---@field params? table<string, samverkan.param> The parameters, by name (see below).
---@field requires? string[] Collections it reads besides `collection`.
---@field run? function A report's `run(kb, params, out)`, or a validation's `run(kb, findings, params)`.

---The table a filter plugin returns.
---@class samverkan.plugin.filter
---@field kind "report"|"filter"|"validation" What the plugin is (required).
---@field description? string One line for `samverkan list`.
---@field tags? string[] Words for `--tag`.
---@field params? table<string, samverkan.param> The parameters, by name (see below).
---@field requires? string[] Collections it reads besides `collection`.
---@field collection? string The collection a filter's `match` or a validation's `check` goes through.
---@field match? fun(r: table, params: table): boolean Whether a record is kept; true, false or nil.
---@field columns? string[] The default columns: field paths like `region.name`, or `#relation`.
---@field sort? string|string[] The default order: a field path, `-` for descending, or a list of them.

---The table a validation plugin returns.
---@class samverkan.plugin.validation
---@field kind "report"|"filter"|"validation" What the plugin is (required).
---@field description? string One line for `samverkan list`.
---@field tags? string[] Words for `--tag`.
---@field params? table<string, samverkan.param> The parameters, by name (see below).
---@field requires? string[] Collections it reads besides `collection`.
---@field requires_all? boolean It reads every collection: `validate` skips it when any file could not be read.
---@field collection? string The collection a filter's `match` or a validation's `check` goes through.
---@field run? function A report's `run(kb, params, out)`, or a validation's `run(kb, findings, params)`.
---@field check? fun(r: table, findings: samverkan.findings, params: table) Called for each record of `collection` (instead of `run`).
---@field severity? "error"|"warning" The severity of `findings:add` (default error).
