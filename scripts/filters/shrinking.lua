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

local function population_in(m, year)
  local row = m.population:where{ year = year }:first()
  if row == nil then
    error(("no population figure for %s in %d; the data has the years %s")
      :format(m.name, year, years.ranges(years.of(kb.population))), 0)
  end
  return row.population
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
    return population_in(m, params.to) < population_in(m, params.from)
  end,

  columns = { "name", "region.name" },
  sort = "name",
}
