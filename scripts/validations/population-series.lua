-- population-series: every municipality has a complete, plausible population series.
--
--   samverkan validate population-series
--   samverkan validate population-series -p max_change=0.1
--
-- Errors:   a municipality lacks a year that the data set has for other municipalities
--           (the data deliberately has the same years for all: 1950-2020 and 2024);
--           a year that fewer than half of the municipalities have is reported on its
--           rows instead (a stray row, not 76 missing ones);
--           a municipality has two figures for one year; a negative population;
--           an id that is not "<municipality code>-<year>".
-- Warnings: a change between two consecutive data years larger than max_change per
--           year, scaled by the gap (2020 -> 2024 allows 4 x max_change). The largest
--           change in the shipped data is Burlöv 1965 -> 1966, +19 %.
local years_lib = require("check_years")

return {
  kind = "validation",
  requires = { "municipalities", "population" },  -- skipped where the data lacks these
  description = "Population series: same years for every municipality, no negative figures, no implausible jumps",
  tags = { "population" },
  severity = "error",
  params = {
    max_change = { type = "number", default = 0.25,
      description = "largest plausible relative change per year (0.25 = 25 %), scaled by the years between data points" },
  },

  run = function(kb, findings, params)
    local max_change = params.max_change
    if not (max_change >= 0) then   -- also NaN
      param_error("max_change", string.format("must be 0 or more (0.25 allows 25 %% a year), got %g", max_change))
    end

    -- Rows per municipality (by key), and every year in the data set.
    local rows_of, all_years, year_set = {}, {}, {}
    for p in kb.population:each() do
      local f = p:fields()
      local code = f.municipality
      if f.population ~= nil and f.population < 0 then
        local m = p.municipality
        findings:error(p, ("negative population %s for %s in %s")
          :format(fmt.number(f.population), m and m.name or tostring(code), tostring(f.year)), { field = "population" })
      end
      if code ~= nil and f.year ~= nil then
        if f.id ~= nil and f.id ~= ("%s-%d"):format(code, f.year) then
          findings:error(p, ("id %s does not match municipality %s and year %d (expected %s-%d)")
            :format(f.id, code, f.year, code, f.year), { field = "id" })
        end
        if not year_set[f.year] then year_set[f.year] = true; all_years[#all_years + 1] = f.year end
        local list = rows_of[code]
        if list == nil then list = {}; rows_of[code] = list end
        list[#list + 1] = p
      end
    end
    table.sort(all_years)

    -- How many municipalities have each year. A year that at least half of them have
    -- is expected of all: the others get an error each. A year that fewer than half
    -- have is more likely a stray row: the rows of that year get the error instead,
    -- rather than every other municipality.
    local municipality_count = #kb.municipalities
    local holders = {}
    for _, list in pairs(rows_of) do
      local seen = {}
      for _, p in ipairs(list) do
        local y = p.year
        if not seen[y] then seen[y] = true; holders[y] = (holders[y] or 0) + 1 end
      end
    end
    local expected_years, stray = {}, {}
    for _, y in ipairs(all_years) do
      if holders[y] * 2 >= municipality_count then expected_years[#expected_years + 1] = y
      else stray[y] = true end
    end
    for _, list in pairs(rows_of) do
      for _, p in ipairs(list) do
        if stray[p.year] then
          findings:error(p, ("only %d of %d municipalities %s a population figure for %d; every municipality should have the same years (%s)")
            :format(holders[p.year], municipality_count, holders[p.year] == 1 and "has" or "have", p.year, years_lib.ranges(expected_years)), { field = "year" })
        end
      end
    end

    for m in kb.municipalities:each() do
      local rows = rows_of[m:key()] or {}
      local by_year = {}
      for _, p in ipairs(rows) do
        local y = p.year
        if by_year[y] then
          findings:error(p, ("%s has two population figures for %d (%s and %s)")
            :format(m.name, y, tostring(by_year[y]), tostring(p)), { field = "year" })
        else
          by_year[y] = p
        end
      end

      -- Years the data set has for (most) other municipalities but this one lacks.
      local missing = {}
      for _, y in ipairs(expected_years) do
        if not by_year[y] then missing[#missing + 1] = y end
      end
      if #missing == #expected_years and #expected_years > 0 then
        findings:error(m, ("%s (%s) has no population figures; the other municipalities have %s")
          :format(m.name, m.code, years_lib.ranges(expected_years)))
      elseif #missing > 0 then
        findings:error(m, ("%s (%s) has no population figure for %s, which the other municipalities have")
          :format(m.name, m.code, years_lib.ranges(missing)))
      end

      -- Jumps between consecutive data years.
      local years = {}
      for y in pairs(by_year) do years[#years + 1] = y end
      table.sort(years)
      for i = 2, #years do
        local a, b = by_year[years[i - 1]], by_year[years[i]]
        local pa, pb = a.population, b.population
        if pa ~= nil and pb ~= nil and pa >= 0 and pb >= 0 then
          local gap = years[i] - years[i - 1]
          local allowed = max_change * gap
          local change
          if pa == 0 then change = (pb == 0) and 0 or math.huge else change = (pb - pa) / pa end
          if math.abs(change) > allowed then
            local how = pa == 0 and "from 0" or
              ((change > 0 and "+" or "") .. fmt.percent(change, 1))
            findings:warning(b, ("%s: population %s in %d -> %s in %d (%s; more than %s over %d %s)")
              :format(m.name, fmt.number(pa), years[i - 1], fmt.number(pb), years[i], how,
                fmt.percent(allowed, 0), gap, gap == 1 and "year" or "years"),
              { field = "population" })
          end
        end
      end
    end
  end,
}
