/// The Lua side of plugins: checking a plugin's table, the `out` document builder, the
/// `findings` collector, and the drivers that call `run`, `match` and `check`.
///
/// It runs with the host's privileges once per state; everything it hands to Swift is
/// plain data (strings, numbers, booleans, records), so Swift reads it without metamethods.
let pluginPrelude = #"""
local P, caller_location, base, raw_load = ...
local type, error, tostring, pairs, ipairs, pcall, setmetatable, select =
  type, error, tostring, pairs, ipairs, pcall, setmetatable, select
local math_type = math.type

local kinds = { report = true, filter = true, validation = true }
local param_types = { string = true, integer = true, number = true, boolean = true, date = true }
local formats = { text = true, number = true, percent = true, date = true }

-- A plugin table, checked; returns a plain description, or nil, message, offending field.
local function describe(t)
  if type(t) ~= "table" then
    return nil, "the file must return a plugin table (return { kind = \"report\", … }), but it returned " .. type(t)
  end
  local kind = t.kind
  if kind == nil then return nil, "the plugin table has no 'kind' (\"report\", \"filter\" or \"validation\")" end
  if not kinds[kind] then
    return nil, "unknown kind '" .. tostring(kind) .. "' (expected \"report\", \"filter\" or \"validation\")", "kind"
  end
  local d = { kind = kind, tags = {}, params = {} }
  if t.description ~= nil and type(t.description) ~= "string" then
    return nil, "'description' must be a string", "description"
  end
  d.description = t.description or ""
  if t.tags ~= nil then
    if type(t.tags) ~= "table" then return nil, "'tags' must be a list of strings", "tags" end
    for i, tag in ipairs(t.tags) do
      if type(tag) ~= "string" then return nil, "'tags' must be a list of strings (item " .. i .. " is a " .. type(tag) .. ")", "tags" end
      d.tags[i] = tag
    end
  end
  if t.params ~= nil then
    if type(t.params) ~= "table" then return nil, "'params' must be a table of { name = { type = … } }", "params" end
    for name, spec in pairs(t.params) do
      if type(name) ~= "string" or type(spec) ~= "table" then
        return nil, "'params' must map names to tables like { type = \"integer\", default = 1 }", "params"
      end
      if not param_types[spec.type] then
        return nil, "parameter '" .. name .. "' has type " .. tostring(spec.type) ..
          "; expected string, integer, number, boolean or date", name
      end
      local default = spec.default
      if default ~= nil then
        local ok = (spec.type == "string" or spec.type == "date") and type(default) == "string"
          or spec.type == "integer" and math_type(default) == "integer"
          or spec.type == "number" and type(default) == "number"
          or spec.type == "boolean" and type(default) == "boolean"
        if not ok then
          return nil, "the default of parameter '" .. name .. "' is a " .. (math_type(default) or type(default)) ..
            ", not " .. spec.type, name
        end
      end
      local enum
      if spec.enum ~= nil then
        if type(spec.enum) ~= "table" then return nil, "'enum' of parameter '" .. name .. "' must be a list", name end
        enum = {}
        for i, v in ipairs(spec.enum) do enum[i] = tostring(v) end
      end
      if spec.description ~= nil and type(spec.description) ~= "string" then
        return nil, "the description of parameter '" .. name .. "' must be a string", name
      end
      d.params[#d.params + 1] = { name = name, type = spec.type, default = default,
        required = spec.required == true, enum = enum, description = spec.description }
    end
  end
  if t.requires ~= nil then
    if type(t.requires) ~= "table" then return nil, "'requires' must be a list of collection names", "requires" end
    d.requires = {}
    for i, name in ipairs(t.requires) do
      if type(name) ~= "string" then return nil, "'requires' must be a list of collection names", "requires" end
      d.requires[i] = name
    end
  end
  if t.requires_all ~= nil then
    if type(t.requires_all) ~= "boolean" then return nil, "'requires_all' must be true or false", "requires_all" end
    d.requires_all = t.requires_all
  end
  local function need_function(field)
    if type(t[field]) ~= "function" then
      return "a " .. kind .. " needs '" .. field .. "' to be a function, but it is " ..
        (t[field] == nil and "missing" or "a " .. type(t[field]))
    end
  end
  local function need_collection()
    if type(t.collection) ~= "string" then
      return "a " .. kind .. " needs 'collection' (the name of a collection, e.g. \"municipalities\")"
    end
    d.collection = t.collection
  end
  local problem, field
  if kind == "report" then
    problem, field = need_function("run"), "run"
  elseif kind == "filter" then
    problem, field = need_collection(), "collection"
    if not problem then problem, field = need_function("match"), "match" end
    if not problem and t.columns ~= nil then
      if type(t.columns) ~= "table" then problem, field = "'columns' must be a list of field paths", "columns"
      else
        d.columns = {}
        for i, c in ipairs(t.columns) do d.columns[i] = tostring(c) end
      end
    end
    if not problem and t.sort ~= nil then
      if type(t.sort) == "string" then d.sort = t.sort
      elseif type(t.sort) == "table" then
        local keys = {}
        for i, c in ipairs(t.sort) do keys[i] = tostring(c) end
        d.sort = table.concat(keys, ",")
      else problem, field = "'sort' must be a field path like \"-population\" or a list of them", "sort" end
    end
  else
    if t.check ~= nil then
      problem, field = need_function("check"), "check"
      if not problem then problem, field = need_collection(), "collection" end
    elseif t.run ~= nil then
      problem, field = need_function("run"), "run"
    else
      problem, field = "a validation needs 'check' (with 'collection') or 'run'", nil
    end
    if not problem and t.severity ~= nil and t.severity ~= "error" and t.severity ~= "warning" then
      problem, field = "'severity' must be \"error\" or \"warning\"", "severity"
    end
    d.severity = t.severity or "error"
  end
  if problem then return nil, problem, field end
  return d
end

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

local function new_findings(default_severity)
  local list = {}
  local function add(severity, record, message, opts)
    if record ~= nil and not P.is_record(record) then
      error("findings: the first argument must be a record or nil, got " .. type(record), 3)
    end
    if opts ~= nil and type(opts) ~= "table" then error("findings: options must be a table like { field = \"population\" }", 3) end
    local field = opts and opts.field
    if field ~= nil and type(field) ~= "string" then error("findings: 'field' must be a field name", 3) end
    list[#list + 1] = { severity = severity, record = record, message = tostring(message),
                        field = field, origin = caller_location() }
  end
  local findings = {}
  function findings:error(record, message, opts) add("error", record, message, opts) end
  function findings:warning(record, message, opts) add("warning", record, message, opts) end
  function findings:add(record, message, opts) add(default_severity, record, message, opts) end
  setmetatable(findings, {
    __index = function(_, name)
      error("findings has no method '" .. tostring(name) .. "' (error, warning, add)", 2)
    end,
    __metatable = "findings",
  })
  return findings, list
end

-- param_error(name, message): the plugin rejects the value of its parameter `name`. The
-- command ends as a usage error (exit 2), "parameter 'name' message (plugin 'p')", like a
-- value the host itself rejects, not as a crash. The error value is a table the host knows
-- by its metatable (the C message handler lets it through without a traceback); scripts
-- that catch it see the sentence through tostring.
local param_error_meta = {
  __tostring = function(e) return "parameter '" .. tostring(e.parameter) .. "' " .. tostring(e.message) end,
  __metatable = false,
}
function base.param_error(name, message)
  if type(name) ~= "string" then
    error("param_error: the first argument must be the parameter's name (a string), got " .. type(name), 2)
  end
  if type(message) ~= "string" then
    error("param_error: the second argument must be a message (a string), got " .. type(message), 2)
  end
  error(setmetatable({ parameter = name, message = message }, param_error_meta))
end

local drivers = { param_error_meta = param_error_meta }

drivers.describe = describe

function drivers.report(plugin, params)
  local out, blocks = new_out()
  plugin.run(base.kb, params, out)
  return blocks
end

function drivers.filter(plugin, collection, params)
  local match, keep, n = plugin.match, {}, 0
  for i = 1, #collection do
    if match(collection[i], params) then n = n + 1; keep[n] = i end
  end
  return P.view(collection, keep)
end

function drivers.validation(plugin, collection, params)
  local findings, list = new_findings(plugin.severity or "error")
  if plugin.check ~= nil then
    local check = plugin.check
    for i = 1, #collection do check(collection[i], findings, params) end
  else
    plugin.run(base.kb, findings, params)
  end
  return list
end

-- --where: the expression compiled once; field names read the current record. One pcall
-- around the whole scan, not one per record: the first error ends the scan either way,
-- and `current` still names the record it happened on. `current` is one record moved from
-- row to row (P.seek): the expression sees only its fields, never the record itself, so
-- no record needs making per row. P.seek also copies the plain fields the expression
-- names into `row`, where the environment finds them without calling a function; any
-- other name (other fields, relations, globals, unknown names) reaches the same lookup
-- as before through row's __index.
function drivers.compile_where(expression, names, collection_name)
  local current
  local row = setmetatable({}, {
    __index = function(_, name)
      if names[name] then return current[name] end
      local value = base[name]
      if value ~= nil then return value end
      error({ unknown_name = tostring(name) })
    end,
  })
  local env = setmetatable({}, {
    __index = row,
    __newindex = function(_, name) error("--where cannot assign to '" .. tostring(name) .. "'", 2) end,
    __metatable = false,
  })
  -- The closing parenthesis goes on a line of its own, so that a trailing `-- comment`
  -- cannot swallow it; the expression still starts on line 1, so Lua's line numbers are
  -- the expression's own.
  local chunk, message = raw_load("return (" .. expression .. "\n)", "=--where", "t", env)
  if chunk == nil then return nil, message end
  -- The names that may be fields the expression reads (a superset is only slower).
  local read, k = {}, 0
  for name in pairs(names) do
    if type(name) == "string" and expression:find("%f[%w_]" .. name:gsub("%p", "%%%0") .. "%f[^%w_]") then
      k = k + 1; read[k] = name
    end
  end
  local seek = P.seek
  local function scan(collection, keep)
    local n = 0
    current = collection[1]
    for i = 1, #collection do
      seek(current, collection, i, row, read)
      if chunk() then n = n + 1; keep[n] = i end
    end
  end
  return function(collection)
    local keep = {}
    local ok, result = pcall(scan, collection, keep)
    if not ok then
      if type(result) == "table" and result.unknown_name then return nil, result.unknown_name end
      error(tostring(current) .. ": " .. tostring(result), 0)
    end
    return P.view(collection, keep)
  end
end

return drivers
"""#
