-- population: population per region and per municipality in one year.
-- Run it with `samverkan report population` or `samverkan report population -p year=2020`.
-- Shares are computed from the population and national_population collections.
local util = require("report_util")

return {
  kind = "report",
  requires = { "municipalities", "national_population", "population", "regions" },  -- skipped where the data lacks these
  description = "Population per region and municipality in a year, with shares of the six and of Sweden",
  tags = { "population" },
  params = {
    year = { type = "integer", default = 2024, description = "year of the figures (31 December)" },
  },

  run = function(kb, params, out)
    local year = params.year
    util.require_year(kb, year, "year")      -- a usage error (exit 2) naming the years available

    local by_municipality = util.municipality_population(kb, year)
    local by_region, six = util.region_population(kb, year)
    local sweden = util.sweden(kb, year)     -- nil if the data has no total for Sweden

    out:title("Population " .. year)
    out:facts{
      { "Year (31 December)", year },
      { "The six regions", six, format = "number" },
      { "Sweden", sweden, format = "number" },
      { "Share of Sweden", util.share(six, sweden), format = "percent" },
      { "Municipalities", #kb.municipalities, format = "number" },
    }
    if sweden == nil then
      out:paragraph("The data has no figure for Sweden in " .. year .. ", so shares of Sweden are left empty.")
    end
    local gap = util.gap_note(kb, year)
    if gap then out:paragraph(gap) end

    -- Regions, largest first.
    local function region_pop(r) return by_region[r:key()] end
    out:heading("Regions")
    local t = out:table{
      columns = {
        "Region",
        { title = "Municipalities", format = "number" },
        { title = "Population", format = "number" },
        { title = "% of the six", format = "percent", decimals = 1 },
        { title = "% of Sweden", format = "percent", decimals = 1 },
      },
    }
    local labels, values = {}, {}
    for region in kb.regions:sort_by(region_pop, "desc"):each() do
      local population = region_pop(region)
      t:row{ region.name, #region.municipalities, population, util.share(population, six), util.share(population, sweden) }
      labels[#labels + 1] = region.name
      values[#values + 1] = population
    end
    out:chart{ kind = "bar", title = "Population per region " .. year, labels = labels, values = values, format = "number" }

    -- Municipalities, largest first (ties keep the order of the data: by code).
    local function municipality_pop(m) return by_municipality[m:key()] end
    out:heading("Municipalities")
    local mt = out:table{
      columns = {
        { title = "Rank", format = "number" },
        "Municipality", "Region",
        { title = "Population", format = "number" },
        { title = "% of region", format = "percent", decimals = 1 },
        { title = "% of the six", format = "percent", decimals = 2 },
        { title = "% of Sweden", format = "percent", decimals = 2 },
      },
    }
    local map = {}
    local rank = 0
    for m in kb.municipalities:sort_by(municipality_pop, "desc"):each() do
      local population = municipality_pop(m)
      if m.region == nil then
        -- Only with --allow-invalid: a municipality whose region is missing or not in the data.
        note("left out " .. tostring(m) .. ": its region is missing or not in the data")
        goto next
      end
      rank = rank + 1
      mt:row{ rank, m.name, m.region, population, util.share(population, by_region[m.region:key()]),
              util.share(population, six), util.share(population, sweden) }
      map[m:key()] = population
      ::next::
    end
    out:map{ level = "municipalities", title = "Population per municipality " .. year, values = map, format = "number" }
  end,
}
