-- shrinking: municipalities whose population fell between two years.
--
--   samverkan query shrinking                        # 2000 → 2024
--   samverkan query shrinking -p from=1970 -p to=2020
--
-- The data has figures for 1950–2020 and 2024 (not 2021–2023). A year without
-- figures for a municipality is an error naming the years that have them, so a typo
-- like -p to=2023 does not silently give an empty table.

local years = require("check_years")

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
    return population_in(m, params.to) < population_in(m, params.from)
  end,

  columns = { "name", "region.name" },
  sort = "name",
}
