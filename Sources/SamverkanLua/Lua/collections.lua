-- The collection methods of SPEC §5.2, in Lua over the Swift primitives `P` (Bridge.swift).
--
-- Methods that take a Lua function run here, in Lua, so the function's errors, yields and
-- the timeout hook behave as in any script; field-name variants go to Swift fast paths.
local M, P = ...
local type, error, tostring = type, error, tostring

local function expect_collection(c, method)
  if not P.is_collection(c) then
    error(method .. ": call it as collection:" .. method .. "(…), with a colon", 3)
  end
end

local function expect_function(fn, method)
  if type(fn) ~= "function" then
    error(method .. ": expected a function, got " .. type(fn), 3)
  end
end

local function order(direction, method)
  if direction == nil or direction == "asc" then return false end
  if direction == "desc" then return true end
  error(method .. ": the order must be \"asc\" or \"desc\", got " .. tostring(direction), 3)
end

function M.each(c)
  expect_collection(c, "each")
  local i, n = 0, #c
  return function()
    i = i + 1
    if i <= n then return c[i] end
  end
end

function M.get(c, key)
  expect_collection(c, "get")
  return P.get(c, key)
end

function M.filter(c, fn)
  expect_collection(c, "filter")
  expect_function(fn, "filter")
  local keep, n = {}, 0
  for i = 1, #c do
    if fn(c[i]) then n = n + 1; keep[n] = i end
  end
  return P.view(c, keep)
end

function M.where(c, conditions)
  expect_collection(c, "where")
  return P.where(c, conditions)
end

function M.sort_by(c, by, direction)
  expect_collection(c, "sort_by")
  local desc = order(direction, "sort_by")
  if type(by) == "function" then
    if P.parameters(by) >= 2 then
      error("sort_by: give a key function of one record, like function(m) return m.population end, "
        .. "not a comparator of two as for table.sort (\"desc\" sorts descending)", 2)
    end
    local keys = {}
    for i = 1, #c do keys[i] = by(c[i]) end
    return P.sorted(c, keys, desc)
  end
  return P.field_sorted(c, by, desc)
end

function M.limit(c, n)
  expect_collection(c, "limit")
  return P.limit(c, n)
end

function M.map(c, fn)
  expect_collection(c, "map")
  expect_function(fn, "map")
  local out = {}
  for i = 1, #c do out[i] = fn(c[i]) end
  return out
end

function M.list(c)
  expect_collection(c, "list")
  return P.list(c)
end

function M.count(c, fn)
  expect_collection(c, "count")
  if fn == nil then return #c end
  expect_function(fn, "count")
  local n = 0
  for i = 1, #c do
    if fn(c[i]) then n = n + 1 end
  end
  return n
end

function M.first(c, fn)
  expect_collection(c, "first")
  if fn == nil then return c[1] end
  expect_function(fn, "first")
  for i = 1, #c do
    local r = c[i]
    if fn(r) then return r end
  end
  return nil
end

function M.any(c, fn)
  expect_collection(c, "any")
  expect_function(fn, "any")
  for i = 1, #c do
    if fn(c[i]) then return true end
  end
  return false
end

function M.all(c, fn)
  expect_collection(c, "all")
  expect_function(fn, "all")
  for i = 1, #c do
    if not fn(c[i]) then return false end
  end
  return true
end

local function aggregate(op)
  return function(c, by)
    expect_collection(c, op)
    if type(by) == "function" then
      local values, n = {}, #c
      for i = 1, n do values[i] = by(c[i]) end
      return P.reduce(values, n, op)
    end
    return P.aggregate(c, by, op)
  end
end
M.sum = aggregate("sum")
M.min = aggregate("min")
M.max = aggregate("max")
M.avg = aggregate("avg")

function M.group_by(c, by)
  expect_collection(c, "group_by")
  if type(by) == "function" then
    local keys = {}
    for i = 1, #c do keys[i] = by(c[i]) end
    return P.grouped(c, keys)
  end
  return P.group_field(c, by)
end

return M
