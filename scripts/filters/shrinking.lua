-- shrinking: municipalities whose population fell between two years.
--
--   samverkan query shrinking                        # 2000 → 2024
--   samverkan query shrinking -p from=1970 -p to=2020
--
-- The data has figures for 1950–2020 and 2024 (not 2021–2023). A year without
-- figures is rejected (a usage error naming the years that have them), so a typo like
-- -p to=2023 does not silently give an empty table; so is a `from` that is not before `to`.

local years = require("check_years")
local util = require("report_util")

-- param_error (exit 2) for years without figures or in the wrong order, once per run.
local check_params = util.once_per_run(function(params)
  util.require_year(kb, params.from, "from")
  util.require_year(kb, params.to, "to")
  util.require_before(params.from, params.to)
end)

-- The municipality's figure for a year (check_params made sure the data has the year);
-- nil only with --allow-invalid, when its row is missing or has no figure.
local function population_in(m, year)
  local row = m.population:where{ year = year }:first()
  return row and row.population
end

return {
  kind = "filter",
  requires = { "population" },  -- skipped where the data lacks these
  description = "Municipalities whose population fell between `from` and `to`",
  tags = { "population", "municipalities" },
  params = {
    from = { type = "integer", default = 2000, description = "first year" },
    to = { type = "integer", default = 2024, description = "last year" },
  },
  collection = "municipalities",

  match = function(m, params)
    check_params(params)
    local before, after = population_in(m, params.from), population_in(m, params.to)
    -- Only with --allow-invalid: a row without a figure cannot be compared.
    if before == nil or after == nil then
      note("left out " .. tostring(m) .. ": it has no population figure for " .. (after == nil and params.to or params.from))
      return false
    end
    return after < before
  end,

  columns = { "name", "region.name" },
  sort = "name",
}
