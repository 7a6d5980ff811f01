-- --where: the expression compiled once; field names read the current record. One pcall
-- around the whole scan, not one per record: the first error ends the scan either way,
-- and `current` still names the record it happened on. `current` is one record moved from
-- row to row (P.seek): the expression sees only its fields, never the record itself, so
-- no record needs making per row. P.seek also copies the plain fields the expression
-- names into `row`, where the environment finds them without calling a function; any
-- other name (other fields, relations, globals, unknown names) reaches the same lookup
-- as before through row's __index.
local host = ...
local P, base, raw_load = host.P, host.base, host.raw_load
local type, error, tostring, pairs, ipairs, pcall, setmetatable = type, error, tostring, pairs, ipairs, pcall, setmetatable
-- Kept from load time: a plugin that replaces table.sort or table.concat cannot reach
-- the host's own checks through them.
local table_sort, table_concat = table.sort, table.concat

-- A ref's key as text, for the comparisons WhereKeys.swift rewrites (`region == "12"`).
local function key_of(v)
  if P.is_record(v) then
    local key = v:key()
    return key ~= nil and tostring(key) or nil
  end
  return v
end

local function compile_where(expression, names)
  local current
  local row = setmetatable({}, {
    __index = function(_, name)
      if names[name] then return current[name] end
      if name == "__sv_key" then return key_of end
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
      local v = chunk()
      if v == true then n = n + 1; keep[n] = i
      elseif v ~= nil and v ~= false then error({ not_boolean = v }) end
    end
  end
  -- The fields the expression reads that are missing (nil) on the current record.
  local function missing()
    local list = {}
    for _, name in ipairs(read) do
      local ok, value = pcall(function() return current[name] end)
      if ok and value == nil then list[#list + 1] = name end
    end
    table_sort(list)
    return list
  end
  -- The view of the records kept; or nil and a table saying why: { unknown_name = … } or
  -- { not_boolean = "a number (5)", record = … }. Other errors are raised.
  return function(collection)
    local keep = {}
    local ok, result = pcall(scan, collection, keep)
    if not ok then
      if type(result) == "table" and result.unknown_name then return nil, result end
      if type(result) == "table" and result.not_boolean ~= nil then
        local v = result.not_boolean
        return nil, { not_boolean = (P.is_record(v) and "a record" or P.is_collection(v) and "a collection"
          or "a " .. type(v)) .. ((type(v) == "number" or type(v) == "string") and " (" .. tostring(v) .. ")" or ""),
          record = tostring(current) }
      end
      -- Raised again, so that a timeout or the memory limit is still one (the host tells
      -- them by their flags); the host takes the three parts apart (WhereQuery.swift). (\1, not
      -- \0: the message handler reads the message as a C string.)
      error(tostring(current) .. "\1" .. tostring(result) .. "\1" .. table_concat(missing(), ","), 0)
    end
    return P.view(collection, keep)
  end
end

return compile_where
