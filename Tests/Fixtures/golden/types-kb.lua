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

---The primary key (none: a single record).
---@return nil
function record_organisation:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_organisation:location() end

---The raw field values (refs as keys).
---@return table<string, any>
function record_organisation:fields() end

---@class samverkan.regions
---@field code string
---@field name string
---@field seat string?
---@field area number?
---@field municipalities samverkan.municipalities.collection The municipalities whose region is this record
local record_regions = {}

---The primary key (code).
---@return string
function record_regions:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_regions:location() end

---The raw field values (refs as keys).
---@return table<string, any>
function record_regions:fields() end

---@class samverkan.regions.collection
---@field [integer] samverkan.regions
---@field name string
---@field schema { key: string?, fields: table<string, { type: string }> }
local collection_regions = {}

---Iterates over the records: `for r in c:each() do … end`.
---@return fun(): samverkan.regions?
function collection_regions:each() end

---The record with this primary key, or nil.
---@param key string
---@return samverkan.regions?
function collection_regions:get(key) end

---The records for which `fn` is true.
---@param fn fun(r: samverkan.regions): boolean
---@return samverkan.regions.collection
function collection_regions:filter(fn) end

---The records whose fields equal the given values (a ref matches its key or its record).
---@param conditions table<string, any>
---@return samverkan.regions.collection
function collection_regions:where(conditions) end

---The records sorted by a field or key function (stable; strings in Swedish order).
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

---The number of records (for which `fn` is true).
---@param fn? fun(r: samverkan.regions): boolean
---@return integer
function collection_regions:count(fn) end

---The first record (for which `fn` is true), or nil.
---@param fn? fun(r: samverkan.regions): boolean
---@return samverkan.regions?
function collection_regions:first(fn) end

---Whether `fn` is true for some record.
---@param fn fun(r: samverkan.regions): boolean
---@return boolean
function collection_regions:any(fn) end

---Whether `fn` is true for every record.
---@param fn fun(r: samverkan.regions): boolean
---@return boolean
function collection_regions:all(fn) end

---The sum of a field or function.
---@param f string|fun(r: samverkan.regions): any
---@return number
function collection_regions:sum(f) end

---The smallest value of a field or function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return any
function collection_regions:min(f) end

---The largest value of a field or function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return any
function collection_regions:max(f) end

---The mean of a field or function; nil when empty.
---@param f string|fun(r: samverkan.regions): any
---@return number?
function collection_regions:avg(f) end

---Groups in order of first appearance.
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

---The primary key (code).
---@return string
function record_municipalities:key() end

---Where the record stands in its data file.
---@return { file: string, line: integer, column: integer }
function record_municipalities:location() end

---The raw field values (refs as keys).
---@return table<string, any>
function record_municipalities:fields() end

---@class samverkan.municipalities.collection
---@field [integer] samverkan.municipalities
---@field name string
---@field schema { key: string?, fields: table<string, { type: string }> }
local collection_municipalities = {}

---Iterates over the records: `for r in c:each() do … end`.
---@return fun(): samverkan.municipalities?
function collection_municipalities:each() end

---The record with this primary key, or nil.
---@param key string
---@return samverkan.municipalities?
function collection_municipalities:get(key) end

---The records for which `fn` is true.
---@param fn fun(r: samverkan.municipalities): boolean
---@return samverkan.municipalities.collection
function collection_municipalities:filter(fn) end

---The records whose fields equal the given values (a ref matches its key or its record).
---@param conditions table<string, any>
---@return samverkan.municipalities.collection
function collection_municipalities:where(conditions) end

---The records sorted by a field or key function (stable; strings in Swedish order).
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

---The number of records (for which `fn` is true).
---@param fn? fun(r: samverkan.municipalities): boolean
---@return integer
function collection_municipalities:count(fn) end

---The first record (for which `fn` is true), or nil.
---@param fn? fun(r: samverkan.municipalities): boolean
---@return samverkan.municipalities?
function collection_municipalities:first(fn) end

---Whether `fn` is true for some record.
---@param fn fun(r: samverkan.municipalities): boolean
---@return boolean
function collection_municipalities:any(fn) end

---Whether `fn` is true for every record.
---@param fn fun(r: samverkan.municipalities): boolean
---@return boolean
function collection_municipalities:all(fn) end

---The sum of a field or function.
---@param f string|fun(r: samverkan.municipalities): any
---@return number
function collection_municipalities:sum(f) end

---The smallest value of a field or function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return any
function collection_municipalities:min(f) end

---The largest value of a field or function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return any
function collection_municipalities:max(f) end

---The mean of a field or function; nil when empty.
---@param f string|fun(r: samverkan.municipalities): any
---@return number?
function collection_municipalities:avg(f) end

---Groups in order of first appearance.
---@param f string|fun(r: samverkan.municipalities): any
---@return { key: any, items: samverkan.municipalities.collection }[]
function collection_municipalities:group_by(f) end

---Numbers, percentages and dates in the chosen locale (--locale sv|en).
fmt = {}

---`1 421 781` (sv) or `1,421,781` (en).
---@param n number
---@param decimals? integer
---@return string
function fmt.number(n, decimals) end

---A fraction as a percentage: `26,0 %` (sv) or `26.0%` (en).
---@param x number
---@param decimals? integer
---@return string
function fmt.percent(x, decimals) end

---A date (`YYYY-MM-DD`) in the locale's way.
---@param d string
---@return string
function fmt.date(d) end

---UTF-8 aware text helpers with Swedish collation.
text = {}

---@param s string
---@return string
function text.lower(s) end

---@param s string
---@return string
function text.upper(s) end

---Whether `a` sorts before `b` in Swedish order.
---@param a string
---@param b string
---@return boolean
function text.less(a, b) end

---The number of characters.
---@param s string
---@return integer
function text.len(s) end

---Rejects the value of the plugin's parameter `name`; the command stops with a usage
---error (exit 2): `parameter 'name' message (plugin 'p')`. Does not return.
---@param name string
---@param message string
function param_error(name, message) end

---A column of `out:table`: a title, or a title and a format.
---@alias samverkan.column string|{ title: string, format?: "text"|"number"|"percent"|"date", decimals?: integer }

---A table of a report; add rows with `t:row{ … }`.
---@class samverkan.table
local report_table = {}

---@param cells any[]
---@return samverkan.table
function report_table:row(cells) end

---The report document that a report's `run(kb, params, out)` builds.
---@class samverkan.out
local out = {}

---@param s string
function out:title(s) end

---@param s string
function out:heading(s) end

---@param s string
function out:paragraph(s) end

---@param items string[]
function out:list(items) end

---@param facts { [1]: string, [2]: any }[]
function out:facts(facts) end

---@param spec { columns: samverkan.column[], rows?: any[][], title?: string }
---@return samverkan.table
function out:table(spec) end

---@param spec { kind?: "bar", title?: string, labels: string[], values: number[], format?: "number"|"percent", decimals?: integer }
function out:chart(spec) end

---@param spec { level?: "regions"|"municipalities", title?: string, values: table<string|table, number>, format?: "number"|"percent", decimals?: integer }
function out:map(spec) end

---Where a validation reports what it finds.
---@class samverkan.findings
local findings = {}

---@param record table?
---@param message string
---@param opts? { field?: string }
function findings:error(record, message, opts) end

---@param record table?
---@param message string
---@param opts? { field?: string }
function findings:warning(record, message, opts) end

---With the plugin's default severity.
---@param record table?
---@param message string
---@param opts? { field?: string }
function findings:add(record, message, opts) end
