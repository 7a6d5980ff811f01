-- The `out` document builder a report's run(kb, params, out) writes to (DocumentReader.swift
-- reads the blocks). Every value it keeps is plain data: strings, numbers, booleans.
local host = ...
local P = host.P
local type, error, tostring, pairs, ipairs, pcall, setmetatable = type, error, tostring, pairs, ipairs, pcall, setmetatable

local formats = { text = true, number = true, percent = true, date = true }

-- Plain values for the document: records by their name (else their label).
local function cell(v)
  local tv = type(v)
  if tv == "string" or tv == "number" or tv == "boolean" or tv == "nil" then return v end
  if P.is_record(v) then
    local ok, name = pcall(function() return v.name end)
    if ok and type(name) == "string" then return name end
  end
  return tostring(v)
end

local function text_of(v, what, level)
  local tv = type(v)
  if tv == "string" then return v end
  if tv == "number" or tv == "boolean" then return tostring(v) end
  if tv == "nil" then error("out:" .. what .. ": expected a string, got nil", level + 1) end
  return tostring(cell(v))
end

local function column_spec(c, i)
  if type(c) == "string" then return { title = c, format = "text" } end
  if type(c) ~= "table" then error("out:table: column " .. i .. " must be a title or { title = …, format = … }", 4) end
  local format = c.format or "text"
  if not formats[format] then
    error("out:table: column " .. i .. " has format '" .. tostring(format) .. "'; expected text, number, percent or date", 4)
  end
  return { title = text_of(c.title or "", "table", 4), format = format, decimals = c.decimals }
end

local function new_out()
  local blocks = {}
  local out = {}
  local function add(block) blocks[#blocks + 1] = block end
  function out:title(s) add{ type = "title", text = text_of(s, "title", 2) } end
  function out:heading(s) add{ type = "heading", text = text_of(s, "heading", 2) } end
  function out:paragraph(s) add{ type = "paragraph", text = text_of(s, "paragraph", 2) } end
  function out:list(items)
    if type(items) ~= "table" then error("out:list: expected a list of strings, got " .. type(items), 2) end
    local list = {}
    for i, item in ipairs(items) do list[i] = text_of(item, "list", 2) end
    add{ type = "list", items = list }
  end
  function out:facts(facts)
    if type(facts) ~= "table" then error("out:facts: expected { { label, value }, … }, got " .. type(facts), 2) end
    local list = {}
    for i, f in ipairs(facts) do
      if type(f) ~= "table" then error("out:facts: fact " .. i .. " must be { label, value }", 2) end
      local format = f.format or "text"
      if not formats[format] then error("out:facts: fact " .. i .. " has an unknown format '" .. tostring(format) .. "'", 2) end
      list[i] = { label = text_of(f[1], "facts", 2), value = cell(f[2]), format = format }
    end
    add{ type = "facts", facts = list }
  end
  function out:table(spec)
    if type(spec) ~= "table" or type(spec.columns) ~= "table" then
      error("out:table: expected { columns = { … } [, rows = { … }] }", 2)
    end
    local columns = {}
    for i, c in ipairs(spec.columns) do columns[i] = column_spec(c, i) end
    local n = #columns
    local rows = {}
    local block = { type = "table", columns = columns, rows = rows, ncolumns = n,
                    title = spec.title ~= nil and text_of(spec.title, "table", 2) or nil }
    local t = {}
    function t:row(values)
      if type(values) ~= "table" then error("row: expected a list of cells, got " .. type(values), 2) end
      local row = {}
      for i = 1, n do row[i] = cell(values[i]) end
      rows[#rows + 1] = row
      return t
    end
    if spec.rows ~= nil then
      if type(spec.rows) ~= "table" then error("out:table: 'rows' must be a list of rows", 2) end
      for _, r in ipairs(spec.rows) do
        if type(r) ~= "table" then error("out:table: each row must be a list of cells", 2) end
        t:row(r)
      end
    end
    add(block)
    return t
  end
  function out:chart(spec)
    if type(spec) ~= "table" then error("out:chart: expected { kind = \"bar\", labels = …, values = … }", 2) end
    local kind = spec.kind or "bar"
    if kind ~= "bar" then error("out:chart: kind '" .. tostring(kind) .. "' is not supported (use \"bar\")", 2) end
    if type(spec.labels) ~= "table" or type(spec.values) ~= "table" then
      error("out:chart: 'labels' and 'values' must be lists of the same length", 2)
    end
    local labels, values = {}, {}
    for i, l in ipairs(spec.labels) do labels[i] = text_of(l, "chart", 2) end
    for i = 1, #labels do
      local v = spec.values[i]
      if type(v) ~= "number" then error("out:chart: value " .. i .. " must be a number, got " .. type(v), 2) end
      values[i] = v
    end
    if #spec.values ~= #labels then error("out:chart: " .. #labels .. " labels but " .. #spec.values .. " values", 2) end
    local format = spec.format or "number"
    if not formats[format] then error("out:chart: unknown format '" .. tostring(format) .. "'", 2) end
    add{ type = "chart", kind = kind, labels = labels, values = values, format = format, decimals = spec.decimals,
         title = spec.title ~= nil and text_of(spec.title, "chart", 2) or nil }
  end
  function out:map(spec)
    if type(spec) ~= "table" then error("out:map: expected { level = \"regions\", values = { [code] = number } }", 2) end
    local level = spec.level or "regions"
    if level ~= "regions" and level ~= "municipalities" then
      error("out:map: level must be \"regions\" or \"municipalities\", got " .. tostring(level), 2)
    end
    if type(spec.values) ~= "table" then error("out:map: 'values' must map codes to numbers", 2) end
    local values = {}
    for k, v in pairs(spec.values) do
      local code = P.is_record(k) and k:key() or tostring(k)
      if type(v) ~= "number" then error("out:map: the value for " .. code .. " must be a number, got " .. type(v), 2) end
      values[code] = v
    end
    local format = spec.format or "number"
    if not formats[format] then error("out:map: unknown format '" .. tostring(format) .. "'", 2) end
    add{ type = "map", level = level, values = values, format = format, decimals = spec.decimals,
         title = spec.title ~= nil and text_of(spec.title, "map", 2) or nil }
  end
  setmetatable(out, {
    __index = function(_, name)
      error("out has no method '" .. tostring(name) .. "' (title, heading, paragraph, list, facts, table, chart, map)", 2)
    end,
    __metatable = "out",
  })
  return out, blocks
end

return new_out
