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
local type, error, tostring, pairs, pcall, setmetatable = type, error, tostring, pairs, pcall, setmetatable

local function compile_where(expression, names)
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

return compile_where
