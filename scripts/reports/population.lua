-- population: population per region and per municipality in one year, and the regions'
-- population and shares of Sweden over every year with figures (1950–2024).
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

    out:title(t{ sv = "Befolkning ", en = "Population " } .. year)
    out:facts{
      { t{ sv = "År (31 december)", en = "Year (31 December)" }, year },
      { t{ sv = "De sex regionerna", en = "The six regions" }, six, format = "number" },
      { t{ sv = "Sverige", en = "Sweden" }, sweden, format = "number" },
      { t{ sv = "Andel av Sverige", en = "Share of Sweden" }, util.share(six, sweden), format = "percent" },
      { t{ sv = "Kommuner", en = "Municipalities" }, #kb.municipalities, format = "number" },
    }
    if sweden == nil then
      out:paragraph(string.format(t{ sv = "Data saknar en siffra för Sverige %d, så andelarna av Sverige är tomma.",
                                     en = "The data has no figure for Sweden in %d, so shares of Sweden are left empty." }, year))
    end
    local gap = util.gap_note(kb, year)
    if gap then out:paragraph(gap) end

    -- Regions, largest first.
    local function region_pop(r) return by_region[r:key()] end
    out:heading(t{ sv = "Regioner", en = "Regions" })
    local rt = out:table{
      columns = {
        "Region",
        { title = t{ sv = "Kommuner", en = "Municipalities" }, format = "number" },
        { title = t{ sv = "Befolkning", en = "Population" }, format = "number" },
        { title = t{ sv = "% av de sex", en = "% of the six" }, format = "percent", decimals = 1 },
        { title = t{ sv = "% av Sverige", en = "% of Sweden" }, format = "percent", decimals = 1 },
      },
    }
    local labels, values = {}, {}
    for region in kb.regions:sort_by(region_pop, "desc"):each() do
      local population = region_pop(region)
      rt:row{ region.name, #region.municipalities, population, util.share(population, six), util.share(population, sweden) }
      labels[#labels + 1] = region.name
      values[#values + 1] = population
    end
    out:chart{ kind = "bar", title = t{ sv = "Befolkning per region ", en = "Population per region " } .. year,
               labels = labels, values = values, format = "number" }

    -- The whole series: the six regions' population, and each region's share of Sweden,
    -- every year with figures (a year without Sweden's total is a gap in the shares).
    local years, by_year = util.region_series(kb)
    local span = years[1] .. "–" .. years[#years]
    local lines, facets = {}, {}
    for region in kb.regions:sort_by(region_pop, "desc"):each() do
      local series = by_year[region:key()]
      lines[#lines + 1] = { name = region.name, values = series }
      local shares = {}
      for i, y in ipairs(years) do shares[i] = util.share(series[i], util.sweden(kb, y)) end
      facets[#facets + 1] = { title = region.name, values = shares }
    end
    out:chart{ kind = "line", title = t{ sv = "Befolkning per region ", en = "Population per region " } .. span,
               x = years, x_title = t{ sv = "År", en = "Year" }, series = lines, y = { format = "number" } }
    out:charts{ kind = "line", title = t{ sv = "Andel av Sveriges befolkning ", en = "Share of Sweden's population " } .. span,
                x = years, x_title = t{ sv = "År", en = "Year" }, facets = facets, y = { format = "percent", decimals = 1 } }

    -- Municipalities, largest first (ties keep the order of the data: by code).
    local function municipality_pop(m) return by_municipality[m:key()] end
    out:heading(t{ sv = "Kommuner", en = "Municipalities" })
    local mt = out:table{
      columns = {
        { title = t{ sv = "Rang", en = "Rank" }, format = "number" },
        t{ sv = "Kommun", en = "Municipality" }, "Region",
        { title = t{ sv = "Befolkning", en = "Population" }, format = "number" },
        { title = t{ sv = "% av regionen", en = "% of region" }, format = "percent", decimals = 1 },
        { title = t{ sv = "% av de sex", en = "% of the six" }, format = "percent", decimals = 2 },
        { title = t{ sv = "% av Sverige", en = "% of Sweden" }, format = "percent", decimals = 2 },
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
    out:map{ level = "municipalities", title = t{ sv = "Befolkning per kommun ", en = "Population per municipality " } .. year,
             values = map, format = "number" }
  end,
}
