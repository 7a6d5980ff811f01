-- large-municipalities: the municipalities whose population in a year is at least `min`.
--
--   samverkan query large-municipalities                    # 2024, at least 100 000
--   samverkan query large-municipalities -p min=50000 -p year=2000
--
-- It runs on the population collection (one row per municipality and year), so the
-- table shows the figure of the year asked for. The data has 1950–2020 and 2024; a year
-- without figures (e.g. 2022) is rejected with the years that have them, not answered
-- with an empty table.
local util = require("report_util")

-- Rejects values that cannot give a meaningful table (param_error: exit 2), once per run.
local check_params = util.once_per_run(function(params)
  if params.min < 0 then param_error("min", "must be 0 or more, got " .. params.min) end
  util.require_year(kb, params.year, "year")
end)

return {
  kind = "filter",
  description = "Municipalities with at least `min` inhabitants in `year` (population rows)",
  tags = { "population", "municipalities" },
  params = {
    min = { type = "integer", default = 100000, description = "smallest population (inclusive)" },
    year = { type = "integer", default = 2024, description = "year of the figures (1950-2020 or 2024)" },
  },
  collection = "population",

  match = function(p, params)
    check_params(params)
    if p.year ~= params.year then return false end
    -- Only with --allow-invalid: a row without a figure cannot be compared.
    if p.population == nil then
      note("left out " .. tostring(p) .. ": it has no population figure")
      return false
    end
    return p.population >= params.min
  end,

  columns = { "municipality.name", "municipality.region.name", "year", "population" },
  sort = "-population",
}
