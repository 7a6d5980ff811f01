-- A plugin's table, checked against the shape of its kind (PluginLoader.swift).
--
-- describe(t) returns a plain description the host reads raw, or nil, a message and the
-- offending field (the host finds the line that sets it). The keys each kind may have,
-- and those of a parameter spec, are declared in LuaAPI.swift (host.plugin_keys).
local host = ...
local suggest, plugin_keys = host.suggest, host.plugin_keys
local type, tostring, pairs, ipairs, next, rawget, getmetatable = type, tostring, pairs, ipairs, next, rawget, getmetatable
-- Kept from load time: a plugin that replaces table.sort or table.concat cannot reach
-- the host's own checks through them.
local table_sort, table_concat = table.sort, table.concat
local math_type = math.type

local kinds = { report = true, filter = true, validation = true }
local param_types = { string = true, integer = true, number = true, boolean = true, date = true }

local function sorted_names(set)
  local names = {}
  for name in pairs(set) do names[#names + 1] = name end
  table_sort(names)
  return names
end

-- The first key of `t` that `allowed` lacks, as a message and the key; nil when none.
local function unknown_key(t, allowed, what, other_kinds)
  local bad = {}
  for k in pairs(t) do
    if type(k) ~= "string" then
      return "the " .. what .. " has a key that is not a name (" .. tostring(k) .. ")", nil
    end
    if not allowed[k] then bad[#bad + 1] = k end
  end
  if #bad == 0 then return nil end
  table_sort(bad)
  local k = bad[1]
  local message = "unknown key '" .. k .. "' in the " .. what .. suggest(k, sorted_names(allowed))
  local owner = other_kinds and other_kinds(k)
  if owner then message = message .. "; '" .. k .. "' is for " .. owner end
  return message .. "; it may have " .. table_concat(sorted_names(allowed), ", "), k
end

-- The first table the describer would read that has a metatable, as "'params.year'", and
-- its top-level key; nil when there is none. Read with rawget and next only, so that none of
-- the plugin's metamethods runs: after this check, every read below is a raw one, and
-- nothing of the plugin's runs while the host reads its table.
local function with_metatable(t)
  if getmetatable(t) ~= nil then return "the plugin table", nil end
  local function check(v, path, key)
    if type(v) == "table" and getmetatable(v) ~= nil then return "'" .. path .. "'", key end
  end
  for _, key in ipairs({ "tags", "requires", "columns", "sort", "params" }) do
    local v = rawget(t, key)
    local path, at = check(v, key, key)
    if path then return path, at end
  end
  local params = rawget(t, "params")
  if type(params) == "table" then
    for name, spec in next, params do
      if type(name) ~= "string" then return nil end  -- described below as not a name
      local path, at = check(spec, "params." .. name, name)
      if path then return path, at end
      if type(spec) == "table" then
        path, at = check(rawget(spec, "enum"), "params." .. name .. ".enum", name)
        if path then return path, at end
      end
    end
  end
  return nil
end

-- A plugin table, checked; returns a plain description, or nil, message, offending field.
local function describe(t)
  if type(t) ~= "table" then
    return nil, "the file must return a plugin table (return { kind = \"report\", … }), but it returned " .. type(t)
  end
  do
    local path, key = with_metatable(t)
    if path then
      return nil, path .. " has a metatable; samverkan reads plugin tables as plain tables and runs none of "
        .. "their metamethods, so return one without setmetatable", key
    end
  end
  local kind = t.kind
  if kind == nil then return nil, "the plugin table has no 'kind' (\"report\", \"filter\" or \"validation\")" end
  if not kinds[kind] then
    return nil, "unknown kind '" .. tostring(kind) .. "'" .. suggest(tostring(kind), { "filter", "report", "validation" })
      .. " (expected \"report\", \"filter\" or \"validation\")", "kind"
  end
  do
    local problem, key = unknown_key(t, plugin_keys[kind], kind, function(k)
      local owners = {}
      for _, other in ipairs({ "report", "filter", "validation" }) do
        if plugin_keys[other][k] then owners[#owners + 1] = other .. "s" end
      end
      return #owners > 0 and table_concat(owners, " and ") or nil
    end)
    if problem then return nil, problem, key end
  end
  if kind == "validation" and t.check ~= nil and t.run ~= nil then
    return nil, "a validation has either 'check' (called per record of 'collection') or 'run' (called once), "
      .. "not both: the host would call only one of them", "run"
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
    local names = {}
    for name in pairs(t.params) do
      if type(name) ~= "string" then
        return nil, "'params' must map names to tables like { type = \"integer\", default = 1 }", "params"
      end
      names[#names + 1] = name
    end
    table_sort(names)
    for _, name in ipairs(names) do
      local spec = t.params[name]
      if type(name) ~= "string" or type(spec) ~= "table" then
        return nil, "'params' must map names to tables like { type = \"integer\", default = 1 }", "params"
      end
      local problem, key = unknown_key(spec, plugin_keys.param, "spec of parameter '" .. name .. "'")
      if problem then return nil, problem, key end
      if spec.required ~= nil and type(spec.required) ~= "boolean" then
        return nil, "'required' of parameter '" .. name .. "' must be true or false", name
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
        for i, v in ipairs(spec.enum) do
          local tv = type(v)
          if tv ~= "string" and tv ~= "number" and tv ~= "boolean" then
            return nil, "'enum' of parameter '" .. name .. "' must list strings, numbers or booleans (item " .. i .. " is a " .. tv .. ")", name
          end
          enum[i] = tostring(v)
        end
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
        for i, c in ipairs(t.columns) do
          if type(c) ~= "string" then
            problem, field = "'columns' must be a list of field paths (strings), but entry " .. i .. " is a " .. type(c), "columns"
            break
          end
          d.columns[i] = c
        end
      end
    end
    if not problem and t.sort ~= nil then
      if type(t.sort) == "string" then d.sort = t.sort
      elseif type(t.sort) == "table" then
        local keys = {}
        for i, c in ipairs(t.sort) do
          if type(c) ~= "string" then
            problem, field = "'sort' must be field paths (strings), but entry " .. i .. " is a " .. type(c), "sort"
            break
          end
          keys[i] = c
        end
        d.sort = table_concat(keys, ",")
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

return describe
