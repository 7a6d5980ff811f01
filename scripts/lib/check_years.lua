-- check_years: small helpers for lists of years, shared by plugins.
--
--   local years = require("check_years")
--   years.ranges({ 1950, 1951, 1952, 2024 })   --> "1950–1952, 2024"
--   years.of(kb.population)                     --> sorted array of the distinct years
local M = {}

-- A sorted array of integers as compact ranges: "1950–2020, 2024".
function M.ranges(list)
  local years = {}
  for i, y in ipairs(list) do years[i] = y end
  table.sort(years)
  if #years == 0 then return "none" end
  local parts, start = {}, years[1]
  for i = 2, #years + 1 do
    if years[i] ~= years[i - 1] + 1 then
      if start == years[i - 1] then parts[#parts + 1] = tostring(start)
      elseif start + 1 == years[i - 1] then parts[#parts + 1] = start .. ", " .. years[i - 1]
      else parts[#parts + 1] = start .. "–" .. years[i - 1] end
      start = years[i]
    end
  end
  return table.concat(parts, ", ")
end

-- The distinct values of `field` (default "year") in a collection, sorted ascending.
function M.of(collection, field)
  field = field or "year"
  local seen, years = {}, {}
  for r in collection:each() do
    local y = r[field]
    if y ~= nil and not seen[y] then seen[y] = true; years[#years + 1] = y end
  end
  table.sort(years)
  return years
end

return M
