-- report_util: helpers shared by the shipped reports (scripts/reports/*.lua) and the
-- filters that read population figures. Load it with  local util = require("report_util")
--
-- Population figures live in the `population` collection, one row per municipality
-- and year; a region's population is the sum over its municipalities (regions have no
-- population field, so no total is ever typed by hand).
local util = {}

-- The years the `population` collection has figures for, ascending: { 1950, …, 2024 }.
function util.population_years(kb)
  local years = {}
  for _, group in ipairs(kb.population:group_by("year")) do years[#years + 1] = group.key end
  table.sort(years)
  return years
end

-- Years as short ranges: { 1950, 1951, …, 2020, 2024 } → "1950–2020 and 2024"; `word`
-- joins the last two ("and" unless given: a report passes t{ sv = "och", en = "and" }).
function util.year_ranges(years, word)
  local parts, i = {}, 1
  while i <= #years do
    local j = i
    while j < #years and years[j + 1] == years[j] + 1 do j = j + 1 end
    parts[#parts + 1] = (j > i) and (years[i] .. "–" .. years[j]) or tostring(years[i])
    i = j + 1
  end
  if #parts <= 1 then return parts[1] or "none" end
  return table.concat(parts, ", ", 1, #parts - 1) .. " " .. (word or "and") .. " " .. parts[#parts]
end

-- Rejects the parameter `param` (default "year") with param_error -- a usage error,
-- exit 2 -- when `year` has no municipal figures, naming the years that have them.
function util.require_year(kb, year, param)
  local years = util.population_years(kb)
  for _, y in ipairs(years) do
    if y == year then return end
  end
  local note = ""
  if util.has_collection(kb, "national_population") and kb.national_population:get(year) ~= nil then
    note = ", and only Sweden's total for " .. year
  end
  param_error(param or "year", string.format("is %d, a year without population figures per municipality; the data has them for %s%s",
    year, util.year_ranges(years), note))
end

-- Rejects `from` with param_error unless it is an earlier year than `to`.
function util.require_before(from, to)
  if from < to then return end
  if from == to then
    param_error("from", string.format("is %d, the same year as 'to'; give two different years", from))
  end
  param_error("from", string.format("is %d, not before 'to' (%d); swap them: -p from=%d -p to=%d", from, to, to, from))
end

-- For filters, whose `match` runs once per record: wraps `check(params)` so that it runs
-- once per run. Every call of a run gets the same params table; a new table is a new run.
function util.once_per_run(check)
  local checked
  return function(params)
    if params ~= checked then
      check(params)
      checked = params
    end
  end
end

-- Whether the data set has a collection of that name.
function util.has_collection(kb, name)
  for _, n in ipairs(kb:collections()) do
    if n == name then return true end
  end
  return false
end

-- The latest year with figures both per municipality and for Sweden as a whole.
function util.latest_common_year(kb)
  local years = util.population_years(kb)
  for i = #years, 1, -1 do
    if kb.national_population:get(years[i]) ~= nil then return years[i] end
  end
  return nil
end

-- The year to show when none is asked for: the latest with figures both per municipality
-- and for Sweden, else the latest per municipality (shares of Sweden are then missing).
function util.latest_year(kb)
  local years = util.population_years(kb)
  local year = util.latest_common_year(kb) or years[#years]
  if year == nil then error("the population collection has no figures", 0) end
  return year
end

-- Population per municipality in a year: { ["1280"] = 365644, … }.
function util.municipality_population(kb, year)
  local by_code = {}
  for row in kb.population:where{ year = year }:each() do
    -- With --allow-invalid a row may name a municipality the data lacks: it is left out.
    if row.municipality == nil then
      note("left out " .. tostring(row) .. ": its municipality is missing or not in the data")
    else
      by_code[row.municipality:key()] = row.population
    end
  end
  return by_code
end

-- Population per region in a year: { ["12"] = 1428626, … }, and the six regions' total.
function util.region_population(kb, year)
  local per_municipality = util.municipality_population(kb, year)
  local by_code, total = {}, 0
  for region in kb.regions:each() do
    local sum = 0
    for m in region.municipalities:each() do sum = sum + (per_municipality[m:key()] or 0) end
    by_code[region:key()] = sum
    total = total + sum
  end
  return by_code, total
end

-- Population per region for every year with figures: the years ascending, and per region
-- code the list of its totals in that order ({ ["12"] = { 830000, … } }), ready for
-- out:chart{ kind = "line", x = years, … }.
function util.region_series(kb)
  local years = util.population_years(kb)
  local series = {}
  for region in kb.regions:each() do series[region:key()] = {} end
  for i, year in ipairs(years) do
    local by_region = util.region_population(kb, year)
    for code, list in pairs(series) do list[i] = by_region[code] end
  end
  return years, series
end

-- A warning sentence when some municipalities have no figure for `year` (their region
-- totals are then too low), else nil. Reports print it so a gap never goes unnoticed.
function util.gap_note(kb, year)
  local per_municipality = util.municipality_population(kb, year)
  local names = kb.municipalities:filter(function(m) return per_municipality[m:key()] == nil end)
                                 :map(function(m) return m.name end)
  if #names == 0 then return nil end
  return string.format(t{ sv = "Obs! %d kommuner saknar befolkningssiffra för %d (%s); de ingår inte i summorna.",
                          en = "Note: %d municipalities have no figure for %d (%s); totals leave them out." },
    #names, year, table.concat(names, ", "))
end

-- Sweden's population in a year, or nil when the data has no figure for it.
function util.sweden(kb, year)
  local row = kb.national_population:get(year)
  return row and row.population
end

-- a / b, or nil when either is missing or b is 0 (the cell then shows as missing).
function util.share(a, b)
  if a == nil or b == nil or b == 0 then return nil end
  return a / b
end

-- Names of a list of records (e.g. a paper's areas), joined: "Kultur, Infrastruktur".
-- With `all` (a collection), a list that covers every record in it reads "All areas"
-- ("Alla verksamhetsområden"); a collection without a Swedish name here keeps its own.
function util.names(records, all)
  if records == nil or #records == 0 then return nil end
  if all ~= nil and #records == #all then
    local swedish = ({ areas = "verksamhetsområden", committees = "beredningar", municipalities = "kommuner",
                       regions = "regioner", position_papers = "positionspapper", priorities = "prioriteringar",
                       labour_markets = "lokala arbetsmarknader", fa_regions = "funktionella analysregioner" })[all.name]
    return t{ sv = "Alla " .. (swedish or all.name), en = "All " .. all.name }
  end
  local names = {}
  for i, r in ipairs(records) do names[i] = r.name end
  return table.concat(names, ", ")
end

-- A plain list of strings joined with ", ", or nil when empty or missing.
function util.join(list)
  if list == nil or #list == 0 then return nil end
  return table.concat(list, ", ")
end

return util
