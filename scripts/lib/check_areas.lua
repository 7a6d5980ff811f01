-- check_areas: shared checks of records that list areas of collaboration
-- (position_papers.areas, priorities.areas), used by the validations
-- position-paper-areas and priority-areas.
--
--   local areas = require("check_areas")
--   areas.check_list(record, findings, "position paper")
--   areas.check_committees(kb, findings, "position_papers", "position paper", "position papers")
local M = {}

-- A short name for a record in messages: "position paper kultur-2018".
local function label(record, what)
  return what .. " " .. tostring(record:key())
end

-- The record's `areas` list: every area it names exists (a broken ref arrives as nil
-- in record.areas while record:fields().areas keeps the key), it names at least one
-- area (warning), and it names no area twice (warning).
function M.check_list(record, findings, what)
  local raw = record:fields().areas or {}
  local resolved = record.areas or {}
  if #raw == 0 then
    findings:warning(record, label(record, what) .. " has no area of collaboration", { field = "areas" })
    return
  end
  local seen = {}
  for i, key in ipairs(raw) do
    key = tostring(key)
    if resolved[i] == nil then
      local codes = kb.areas:map(function(a) return a.code end)
      findings:error(record, ("%s names area '%s', which does not exist; the areas are: %s")
        :format(label(record, what), key, table.concat(codes, ", ")), { field = "areas" })
    elseif seen[key] then
      findings:warning(record, ("%s names area '%s' twice"):format(label(record, what), key), { field = "areas" })
    end
    seen[key] = true
  end
end

-- Every area of collaboration is handled by at least one committee (error on the area).
-- `relation` is the area's relation to the records being validated ("position_papers",
-- "priorities"); the message says how many of them concern the uncovered area.
function M.check_committees(kb, findings, relation, singular, plural)
  for area in kb.areas:each() do
    if #area.committees == 0 then
      local n = #area[relation]
      local committees = kb.committees:map(function(c) return c.name end)
      findings:error(area, ("no committee covers area %s (%s); %d %s %s it. The committees are: %s")
        :format(area.code, area.name, n, n == 1 and singular or plural, n == 1 and "concerns" or "concern",
          table.concat(committees, ", ")))
    end
  end
end

return M
