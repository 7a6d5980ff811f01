-- The collection methods of SPEC §5.2, in Lua over the Swift primitives `P` (Bridge.swift).
--
-- Methods that take a Lua function run here, in Lua, so the function's errors, yields and
-- the timeout hook behave as in any script; field-name variants go to Swift fast paths.
-- `api.install` checks self and the arguments against the declaration (LuaAPI.swift)
-- before any of these runs; a predicate's result must be true, false or nil (api.truth).
local M, P, api = ...
local type, tostring = type, tostring
local truth, fail = api.truth, api.fail

local C = {}

local function order(direction)
  if direction == nil or direction == "asc" then return false end
  if direction == "desc" then return true end
  fail("bad argument #2 to 'sort_by' (\"asc\" or \"desc\" expected, got " .. tostring(direction) .. ")")
end

function C.each(c)
  local i, n = 0, #c
  return function()
    i = i + 1
    if i <= n then return c[i] end
  end
end

function C.get(c, key)
  return P.get(c, key)
end

function C.filter(c, fn)
  local keep, n = {}, 0
  for i = 1, #c do
    local r = c[i]
    if truth(fn(r), "filter: the function", r) then n = n + 1; keep[n] = i end
  end
  return P.view(c, keep)
end

function C.where(c, conditions)
  return P.where(c, conditions)
end

function C.sort_by(c, by, direction)
  local desc = order(direction)
  if type(by) == "function" then
    if P.parameters(by) >= 2 then
      fail("sort_by: give a key function of one record, like function(m) return m.population end, "
        .. "not a comparator of two as for table.sort (\"desc\" sorts descending)")
    end
    local keys = {}
    for i = 1, #c do keys[i] = by(c[i]) end
    return P.sorted(c, keys, desc)
  end
  return P.field_sorted(c, by, desc)
end

function C.limit(c, n)
  return P.limit(c, n)
end

function C.map(c, fn)
  local out = {}
  for i = 1, #c do out[i] = fn(c[i]) end
  return out
end

function C.list(c)
  return P.list(c)
end

function C.count(c, fn)
  if fn == nil then return #c end
  local n = 0
  for i = 1, #c do
    local r = c[i]
    if truth(fn(r), "count: the function", r) then n = n + 1 end
  end
  return n
end

function C.first(c, fn)
  if fn == nil then return c[1] end
  for i = 1, #c do
    local r = c[i]
    if truth(fn(r), "first: the function", r) then return r end
  end
  return nil
end

function C.any(c, fn)
  for i = 1, #c do
    local r = c[i]
    if truth(fn(r), "any: the function", r) then return true end
  end
  return false
end

function C.all(c, fn)
  for i = 1, #c do
    local r = c[i]
    if not truth(fn(r), "all: the function", r) then return false end
  end
  return true
end

local function aggregate(op)
  return function(c, by)
    if type(by) == "function" then
      local values, n = {}, #c
      for i = 1, n do values[i] = by(c[i]) end
      return P.reduce(values, n, op)
    end
    return P.aggregate(c, by, op)
  end
end
C.sum = aggregate("sum")
C.min = aggregate("min")
C.max = aggregate("max")
C.avg = aggregate("avg")

function C.group_by(c, by)
  if type(by) == "function" then
    local keys = {}
    for i = 1, #c do keys[i] = by(c[i]) end
    return P.grouped(c, keys)
  end
  return P.group_field(c, by)
end

for name, method in pairs(api.install("collection", C)) do M[name] = method end
return M
