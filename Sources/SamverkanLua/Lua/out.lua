-- The `out` document builder a report's run(kb, params, out) writes to (DocumentReader.swift
-- reads the blocks). Every value it keeps is plain data: strings, numbers, booleans.
--
-- The methods are declared in LuaAPI.swift (classes `out` and `table`): api.install checks
-- self and the argument types; this file checks what is inside the tables (keys, cells,
-- formats) and fails at the line of the user's call (api.fail).
local host = ...
local P, api, suggest, translate = host.P, host.api, host.suggest, host.translate
local type, tostring, pairs, ipairs, pcall, setmetatable, getmetatable = type, tostring, pairs, ipairs, pcall, setmetatable, getmetatable
local next, rawlen = next, rawlen
-- Kept from load time: a plugin that replaces table.sort or table.concat cannot reach
-- the host's own checks through them.
local table_sort, table_concat = table.sort, table.concat
local math_type = math.type
local fail = api.fail

local format_names = { "text", "number", "percent", "date" }
local formats = {}
for _, f in ipairs(format_names) do formats[f] = true end

-- Fails on a string key of `t` that `allowed` does not list, naming the closest.
local function check_keys(t, allowed, what)
  for k in pairs(t) do
    if type(k) == "string" and not allowed[k] then
      local names = {}
      for name in pairs(allowed) do names[#names + 1] = name end
      table_sort(names)
      fail(what .. ": unknown key '" .. k .. "'" .. suggest(k, names) .. "; it takes " .. table_concat(names, ", "))
    end
  end
end

local function keys(...)
  local set = {}
  for _, k in ipairs({ ... }) do set[k] = true end
  return set
end

local function check_format(format, what)
  if format == nil then return "text" end
  if not formats[format] then
    fail(what .. " has format '" .. tostring(format) .. "'" .. suggest(tostring(format), format_names)
      .. "; the formats are text, number, percent and date")
  end
  return format
end

local function check_decimals(decimals, what)
  if decimals ~= nil and (math_type(decimals) ~= "integer" or decimals < 0 or decimals > 15) then
    fail(what .. ": decimals must be a whole number from 0 to 15, got " .. tostring(decimals))
  end
  return decimals
end

-- The document's text counts against the memory limit: the host copies every cell out of
-- Lua and pads it in tables, so one 4 MB string in 250 cells is a gigabyte, not 4 MB.
local text_budget, text_used = host.text_budget, 0
local function counted(s)
  text_used = text_used + #s
  if text_budget > 0 and text_used > text_budget then
    fail("memory limit: the report's document holds more than " .. text_budget // (1 << 20)
      .. " MB of text (every cell counts, a repeated string too); raise it with --memory-limit MB")
  end
  return s
end

-- A plain value for the document: records by their name (else their label). Anything else
-- (a table, a function, a collection) has no way to be shown: an error names it.
local function cell(v, what)
  local tv = type(v)
  if tv == "string" then return counted(v) end
  -- Text per language, { sv = …, en = … } (translate.lua); a list or an empty table is not.
  if tv == "table" and getmetatable(v) == nil and next(v) ~= nil and rawlen(v) == 0 then
    return counted(translate(v, what))
  end
  if tv == "number" or tv == "boolean" or tv == "nil" then return v end
  if P.is_record(v) then
    local ok, name = pcall(function() return v.name end)
    if ok and type(name) == "string" then return name end
    return tostring(v)
  end
  fail(what .. " is " .. (api.type_name(v) == "collection" and "a collection" or "a " .. tv)
    .. "; a cell is a string, number, boolean, nil, a record (shown by its name) or text per language, { sv = …, en = … }")
end

local function text_of(v, what)
  local tv = type(v)
  if tv == "string" then return counted(v) end
  if tv == "number" or tv == "boolean" then return tostring(v) end
  if tv == "nil" then fail(what .. ": expected a string, got nil") end
  return tostring(cell(v, what))
end

local column_keys = keys("title", "format", "decimals")
local function column_spec(c, i)
  local what = "out:table: column " .. i
  if type(c) == "string" then return { title = c, format = "text" } end
  -- A title per language, { sv = …, en = … }, without a format.
  if type(c) == "table" and c.title == nil and (c.sv ~= nil or c.en ~= nil) then
    return { title = text_of(c, what .. " title"), format = "text" }
  end
  if type(c) ~= "table" then
    fail(what .. " is a " .. api.type_name(c) .. "; give a title or { title = …, format = … }")
  end
  check_keys(c, column_keys, what)
  return { title = text_of(c.title or "", what .. " title"), format = check_format(c.format, what),
           decimals = check_decimals(c.decimals, what) }
end

local blocks_of = setmetatable({}, { __mode = "k" })   -- out → its blocks
local table_of = setmetatable({}, { __mode = "k" })    -- t → { block, columns }
local is_out, is_table = api.instances("out"), api.instances("table")

local function add(out, block)
  local blocks = blocks_of[out]
  blocks[#blocks + 1] = block
end

local T = {}
function T.row(t, values)
  local state = table_of[t]
  local n, last = #state.columns, 0
  for k in pairs(values) do
    if math_type(k) ~= "integer" or k < 1 then
      fail("row: a row is a list of cells, { a, b, … }; it has the key " .. tostring(k))
    end
    if k > last then last = k end
  end
  if last > n then
    local titles = {}
    for i, c in ipairs(state.columns) do titles[i] = c.title end
    fail("row: " .. last .. " cells for a table of " .. n .. " column" .. (n == 1 and "" or "s")
      .. " (" .. table_concat(titles, ", ") .. ")")
  end
  local row = {}
  for i = 1, n do row[i] = cell(values[i], "row: cell " .. i) end
  local rows = state.block.rows
  rows[#rows + 1] = row
  return t
end
T = api.install("table", T)
local table_meta = {
  __index = function(_, name)
    if T[name] then return T[name] end
    fail("a report table has no method '" .. tostring(name) .. "' (row)")
  end,
  __newindex = function(_, name) fail("a report table is read-only (" .. tostring(name) .. ")") end,
  __metatable = "table",
}

local O = {}
function O.title(out, s) add(out, { type = "title", text = text_of(s, "out:title") }) end
function O.heading(out, s) add(out, { type = "heading", text = text_of(s, "out:heading") }) end
function O.paragraph(out, s) add(out, { type = "paragraph", text = text_of(s, "out:paragraph") }) end

function O.list(out, items)
  local list = {}
  for i, item in ipairs(items) do list[i] = text_of(item, "out:list: item " .. i) end
  add(out, { type = "list", items = list })
end

local fact_keys = keys("format")
function O.facts(out, facts)
  local list = {}
  for i, f in ipairs(facts) do
    local what = "out:facts: fact " .. i
    if type(f) ~= "table" then fail(what .. " must be { label, value }, got a " .. api.type_name(f)) end
    check_keys(f, fact_keys, what)
    list[i] = { label = text_of(f[1], what), value = cell(f[2], what .. " value"), format = check_format(f.format, what) }
  end
  add(out, { type = "facts", facts = list })
end

local table_keys = keys("columns", "rows", "title")
function O.table(out, spec)
  check_keys(spec, table_keys, "out:table")
  if type(spec.columns) ~= "table" then fail("out:table: expected { columns = { … } [, rows = { … }] }") end
  local columns = {}
  for i, c in ipairs(spec.columns) do columns[i] = column_spec(c, i) end
  local block = { type = "table", columns = columns, rows = {}, ncolumns = #columns,
                  title = spec.title ~= nil and text_of(spec.title, "out:table title") or nil }
  local t = setmetatable({}, table_meta)
  table_of[t], is_table[t] = { block = block, columns = columns }, true
  if spec.rows ~= nil then
    if type(spec.rows) ~= "table" then fail("out:table: 'rows' must be a list of rows") end
    for i, r in ipairs(spec.rows) do
      if type(r) ~= "table" then fail("out:table: row " .. i .. " must be a list of cells, got a " .. api.type_name(r)) end
      T.row(t, r)
    end
  end
  add(out, block)
  return t
end

-- Charts (out:chart, out:charts). A chart is x positions and series of values over them:
-- labels = …, values = … is the one-series bar chart; x = …, series = { { name, values } }
-- gives several, with nil for a gap. The y axis: y = { format, decimals, zero }, or format
-- and decimals at the top (not both).
local chart_kinds = { "bar", "line" }
local axis_keys = keys("format", "decimals", "zero")

local function check_kind(kind, what)
  kind = kind or "bar"
  if kind ~= "bar" and kind ~= "line" then
    fail(what .. ": kind '" .. tostring(kind) .. "' is not a chart kind" .. suggest(tostring(kind), chart_kinds)
      .. "; the kinds are bar and line")
  end
  return kind
end

local function check_axis(spec, kind, what)
  local y = spec.y
  if y ~= nil and type(y) ~= "table" then fail(what .. ": y must be { format = …, decimals = …, zero = … }") end
  y = y or {}
  check_keys(y, axis_keys, what .. " y")
  if (spec.format ~= nil or spec.decimals ~= nil) and (y.format ~= nil or y.decimals ~= nil) then
    fail(what .. ": the format is given twice, at the top and in y; keep y = { format = …, decimals = … }")
  end
  local zero = y.zero
  if zero ~= nil and type(zero) ~= "boolean" then fail(what .. ": y.zero must be true or false, got " .. api.type_name(zero)) end
  if kind == "bar" and zero == false then fail(what .. ": bars always start at zero; y.zero = false is for line charts") end
  return check_format(y.format or spec.format or "number", what), check_decimals(y.decimals or spec.decimals, what), zero ~= false
end

-- Fails unless `t` is a list without holes or other keys (ipairs would stop at a hole and
-- drop the rest without a word); returns its length.
local function check_list(t, what)
  local n = 0
  for k in pairs(t) do
    if math_type(k) ~= "integer" or k < 1 then fail(what .. " is a list; it has the key " .. tostring(k)) end
    n = n + 1
  end
  for i = 1, n do
    if t[i] == nil then fail(what .. " has a hole at " .. i .. " (nil); give every entry") end
  end
  return n
end

-- The values of one series: a list as long as x, numbers or nil (a gap).
local function series_values(values, n, what)
  if type(values) ~= "table" then fail(what .. ": values must be a list of numbers, got " .. api.type_name(values)) end
  for k, v in pairs(values) do
    if math_type(k) ~= "integer" or k < 1 or k > n then
      fail(what .. ": values has the key " .. tostring(k) .. ", but x has " .. n .. " position" .. (n == 1 and "" or "s")
        .. "; give one value (or nil) per x")
    end
    if type(v) ~= "number" then fail(what .. ": value " .. k .. " must be a number or nil, got " .. api.type_name(v)) end
  end
  local list = {}
  for i = 1, n do list[i] = values[i] end
  return list
end

local series_keys = keys("name", "values")
local function series_list(series, n, what)
  if type(series) ~= "table" or next(series) == nil then
    fail(what .. ": series must be a list of { name = …, values = { … } }")
  end
  check_list(series, what .. ": series")
  local list, names = {}, {}
  for i, s in ipairs(series) do
    local w = what .. ": series " .. i
    if type(s) ~= "table" then fail(w .. " must be { name = …, values = { … } }, got a " .. api.type_name(s)) end
    check_keys(s, series_keys, w)
    local name = s.name ~= nil and text_of(s.name, w .. " name") or nil
    if name == nil and #series > 1 then fail(w .. " has no name; with several series each needs one for the legend") end
    if name ~= nil then
      if names[name] then fail(w .. ": another series is also named '" .. name .. "'") end
      names[name] = true
    end
    list[i] = { name = name, values = series_values(s.values, n, w) }
  end
  return list, names
end

local function x_list(x, what, name)
  name = name or "x"
  if type(x) ~= "table" or next(x) == nil then fail(what .. ": " .. name .. " must be a list of labels or numbers, e.g. { 1950, 1960 }") end
  check_list(x, what .. ": " .. name)
  local list = {}
  for i, v in ipairs(x) do
    if type(v) == "boolean" then fail(what .. ": " .. name .. " " .. i .. " must be a label or a number") end
    list[i] = cell(v, what .. ": " .. name .. " " .. i)
  end
  return list
end

-- The block of one chart: its x and series already checked.
local function chart_block(spec, kind, x, series, names, what)
  local format, decimals, zero = check_axis(spec, kind, what)
  local highlight = spec.highlight
  if highlight ~= nil then
    highlight = text_of(highlight, what .. " highlight")
    if not names[highlight] then
      local list = {}
      for name in pairs(names) do list[#list + 1] = name end
      table_sort(list)
      fail(what .. ": highlight '" .. highlight .. "' names no series" .. suggest(highlight, list))
    end
  end
  if spec.stacked ~= nil and type(spec.stacked) ~= "boolean" then fail(what .. ": stacked must be true or false") end
  if spec.stacked and kind ~= "bar" then fail(what .. ": stacked is for bar charts") end
  return { type = "chart", kind = kind, x = x, nx = #x, series = series, nseries = #series, highlight = highlight,
           stacked = spec.stacked or false, format = format, decimals = decimals, zero = zero,
           title = spec.title ~= nil and text_of(spec.title, what .. " title") or nil,
           x_title = spec.x_title ~= nil and text_of(spec.x_title, what .. " x_title") or nil }
end

local chart_keys = keys("kind", "title", "labels", "values", "x", "x_title", "series", "highlight", "stacked", "y", "format", "decimals")
function O.chart(out, spec)
  local what = "out:chart"
  check_keys(spec, chart_keys, what)
  local kind = check_kind(spec.kind, what)
  local x, series, names
  if spec.labels ~= nil or spec.values ~= nil then
    if spec.x ~= nil or spec.series ~= nil then
      fail(what .. ": give labels and values (one series) or x and series, not both")
    end
    if type(spec.labels) ~= "table" or type(spec.values) ~= "table" then
      fail(what .. ": 'labels' and 'values' must be lists of the same length")
    end
    x = x_list(spec.labels, what, "labels")
    if #spec.values ~= #x then fail(what .. ": " .. #x .. " labels but " .. #spec.values .. " values") end
    series, names = series_list({ { values = spec.values } }, #x, what)
  else
    x = x_list(spec.x, what)
    series, names = series_list(spec.series, #x, what)
  end
  add(out, chart_block(spec, kind, x, series, names, what))
end

local charts_keys = keys("kind", "title", "x", "x_title", "facets", "highlight", "stacked", "y", "format", "decimals")
local facet_keys = keys("title", "series", "values")
function O.charts(out, spec)
  local what = "out:charts"
  check_keys(spec, charts_keys, what)
  local kind = check_kind(spec.kind, what)
  local x = x_list(spec.x, what)
  if type(spec.facets) ~= "table" or next(spec.facets) == nil then
    fail(what .. ": facets must be a list of { title = …, series = { … } } (or values = { … }), one small chart each")
  end
  check_list(spec.facets, what .. ": facets")
  local charts, highlighted, all_names = {}, false, {}
  for i, f in ipairs(spec.facets) do
    local w = what .. ": facet " .. i
    if type(f) ~= "table" then fail(w .. " must be { title = …, series = { … } }, got a " .. api.type_name(f)) end
    check_keys(f, facet_keys, w)
    if f.title == nil then fail(w .. " has no title; each small chart is named by its facet") end
    if (f.series == nil) == (f.values == nil) then fail(w .. ": give series = { … } or values = { … } (one series)") end
    local series, names = series_list(f.series or { { values = f.values } }, #x, w)
    local facet = { kind = spec.kind, title = f.title, x_title = spec.x_title, highlight = spec.highlight, stacked = spec.stacked, y = spec.y,
                    format = spec.format, decimals = spec.decimals }
    for name in pairs(names) do all_names[#all_names + 1] = name end
    if spec.highlight ~= nil then
      if names[spec.highlight] then highlighted = true else facet.highlight = nil end
    end
    charts[i] = chart_block(facet, kind, x, series, names, w)
  end
  if spec.highlight ~= nil and not highlighted then
    table_sort(all_names)
    fail(what .. ": highlight '" .. tostring(spec.highlight) .. "' names no series of any facet"
      .. suggest(tostring(spec.highlight), all_names))
  end
  add(out, { type = "charts", charts = charts, title = spec.title ~= nil and text_of(spec.title, what .. " title") or nil })
end

local map_keys = keys("level", "title", "values", "format", "decimals")
function O.map(out, spec)
  check_keys(spec, map_keys, "out:map")
  local level = spec.level or "regions"
  if level ~= "regions" and level ~= "municipalities" then
    fail("out:map: level must be \"regions\" or \"municipalities\", got " .. tostring(level))
  end
  if type(spec.values) ~= "table" then fail("out:map: 'values' must map codes to numbers") end
  local values = {}
  for k, v in pairs(spec.values) do
    local code = P.is_record(k) and k:key() or tostring(k)
    if type(v) ~= "number" then fail("out:map: the value for " .. code .. " must be a number, got " .. api.type_name(v)) end
    values[code] = v
  end
  local format = check_format(spec.format or "number", "out:map")
  add(out, { type = "map", level = level, values = values, format = format,
             decimals = check_decimals(spec.decimals, "out:map"),
             title = spec.title ~= nil and text_of(spec.title, "out:map title") or nil })
end
O = api.install("out", O)

local method_names = {}
for name in pairs(O) do method_names[#method_names + 1] = name end
table_sort(method_names)
local out_meta = {
  __index = function(_, name)
    if O[name] then return O[name] end
    fail("out has no method '" .. tostring(name) .. "'" .. suggest(tostring(name), method_names)
      .. " (" .. table_concat(method_names, ", ") .. ")")
  end,
  __newindex = function(_, name) fail("out is read-only (" .. tostring(name) .. ")") end,
  __metatable = "out",
}

-- A new document: the `out` a report writes to, and the list of blocks it fills.
local function new_out()
  text_used = 0
  local out, blocks = setmetatable({}, out_meta), {}
  blocks_of[out], is_out[out] = blocks, true
  return out, blocks
end

return new_out
