-- growth: population change between two years, per region and per municipality.
-- Run it with `samverkan report growth` or `samverkan report growth -p from=1970 -p to=2020`.
local util = require("report_util")

return {
  kind = "report",
  requires = { "municipalities", "national_population", "population", "regions" },  -- skipped where the data lacks these
  description = "Population change between two years per region and municipality, fastest growing and shrinking",
  tags = { "population" },
  params = {
    from = { type = "integer", default = 2000, description = "first year (31 December)" },
    to   = { type = "integer", default = 2024, description = "last year (31 December)" },
  },

  run = function(kb, params, out)
    local from, to = params.from, params.to
    -- Years without figures, or in the wrong order, are usage errors (param_error, exit 2).
    util.require_year(kb, from, "from")
    util.require_year(kb, to, "to")
    util.require_before(from, to)

    local before, after = util.municipality_population(kb, from), util.municipality_population(kb, to)
    local regions_before, six_before = util.region_population(kb, from)
    local regions_after, six_after = util.region_population(kb, to)
    local sweden_before, sweden_after = util.sweden(kb, from), util.sweden(kb, to)

    -- Change as a fraction of the first year's figure (0.12 = +12 %).
    local function change(a, b)
      if a == nil or b == nil then return nil, nil end
      return b - a, util.share(b - a, a)
    end

    local span = from .. "–" .. to
    out:title(t{ sv = "Befolkningsförändring ", en = "Population change " } .. span)
    local six_change, six_pct = change(six_before, six_after)
    local sweden_change, sweden_pct = change(sweden_before, sweden_after)
    local six_name = t{ sv = "De sex regionerna", en = "The six regions" }
    out:facts{
      { six_name .. " " .. from, six_before, format = "number" },
      { six_name .. " " .. to, six_after, format = "number" },
      { t{ sv = "Förändring, de sex regionerna", en = "Change, the six regions" }, six_change, format = "number" },
      { t{ sv = "Förändring, de sex regionerna (%)", en = "Change, the six regions (%)" }, six_pct, format = "percent" },
      { t{ sv = "Förändring, Sverige", en = "Change, Sweden" }, sweden_change, format = "number" },
      { t{ sv = "Förändring, Sverige (%)", en = "Change, Sweden (%)" }, sweden_pct, format = "percent" },
    }
    for _, y in ipairs{ from, to } do
      local gap = util.gap_note(kb, y)
      if gap then out:paragraph(gap) end
    end

    -- The columns of every table: the given leading titles, then the figures.
    local function columns(...)
      local list = { ... }
      for _, c in ipairs{ { title = tostring(from), format = "number" }, { title = tostring(to), format = "number" },
                          { title = t{ sv = "Förändring", en = "Change" }, format = "number" },
                          { title = t{ sv = "Förändring (%)", en = "Change (%)" }, format = "percent", decimals = 1 } } do
        list[#list + 1] = c
      end
      return list
    end

    -- Regions, fastest growing first.
    out:heading(t{ sv = "Regioner", en = "Regions" })
    local function region_pct(r) return select(2, change(regions_before[r:key()], regions_after[r:key()])) end
    local rt = out:table{ columns = columns("Region") }
    local labels, values = {}, {}
    for region in kb.regions:sort_by(region_pct, "desc"):each() do
      local a, b = regions_before[region:key()], regions_after[region:key()]
      local diff, pct = change(a, b)
      rt:row{ region.name, a, b, diff, pct }
      labels[#labels + 1] = region.name
      values[#values + 1] = pct
    end
    out:chart{ kind = "bar", title = t{ sv = "Befolkningsförändring %s per region", en = "Population change %s per region" }:format(span),
               labels = labels, values = values, format = "percent", decimals = 1 }

    -- Year by year from `from` to `to`: each region's change since `from`, and Sweden's as
    -- the yardstick.
    local years, by_year = util.region_series(kb)
    local xs, series = {}, {}
    for i, y in ipairs(years) do
      if y >= from and y <= to then xs[#xs + 1] = i end
    end
    local x = {}
    for k, i in ipairs(xs) do x[k] = years[i] end
    for region in kb.regions:sort_by(region_pct, "desc"):each() do
      local list, first = {}, by_year[region:key()][xs[1]]
      for k, i in ipairs(xs) do list[k] = util.share((by_year[region:key()][i] or 0) - first, first) end
      series[#series + 1] = { name = region.name, values = list }
    end
    local sweden_name = t{ sv = "Sverige", en = "Sweden" }
    local sweden_list = {}
    for k, y in ipairs(x) do
      local s = util.sweden(kb, y)
      sweden_list[k] = s and sweden_before and util.share(s - sweden_before, sweden_before)
    end
    series[#series + 1] = { name = sweden_name, values = sweden_list }
    out:chart{ kind = "line", title = t{ sv = "Förändring sedan %d", en = "Change since %d" }:format(from),
               x = x, x_title = t{ sv = "År", en = "Year" }, series = series,
               y = { format = "percent", decimals = 1 } }

    -- A table of municipalities, in the order of `list`.
    local function municipality_pct(m) return select(2, change(before[m:key()], after[m:key()])) end
    local function municipality_table(title, list)
      local mt = out:table{ title = title, columns = columns(t{ sv = "Kommun", en = "Municipality" }, "Region") }
      for m in list:each() do
        local diff, pct = change(before[m:key()], after[m:key()])
        mt:row{ m.name, m.region, before[m:key()], after[m:key()], diff, pct }
      end
    end

    out:heading(t{ sv = "Snabbast växande kommuner", en = "Fastest growing municipalities" })
    local growing = kb.municipalities:filter(function(m) return (municipality_pct(m) or 0) > 0 end)
    if #growing == 0 then
      out:paragraph(t{ sv = "Ingen kommun växte mellan %d och %d.", en = "No municipality grew between %d and %d." }:format(from, to))
    else municipality_table(nil, growing:sort_by(municipality_pct, "desc"):limit(10)) end

    out:heading(t{ sv = "Snabbast krympande kommuner", en = "Fastest shrinking municipalities" })
    local shrinking = kb.municipalities:filter(function(m) return (municipality_pct(m) or 0) < 0 end)
    if #shrinking == 0 then
      out:paragraph(t{ sv = "Ingen kommun krympte mellan %d och %d.", en = "No municipality shrank between %d and %d." }:format(from, to))
    else municipality_table(nil, shrinking:sort_by(municipality_pct):limit(10)) end
    out:paragraph(t{ sv = "%d av %d kommuner växte, %d krympte.", en = "%d of %d municipalities grew, %d shrank." }
      :format(#growing, #kb.municipalities, #shrinking))

    out:heading(t{ sv = "Alla kommuner", en = "All municipalities" })
    municipality_table(nil, kb.municipalities:sort_by("name"))

    local map = {}
    for m in kb.municipalities:each() do map[m:key()] = municipality_pct(m) end
    out:map{ level = "municipalities", title = t{ sv = "Befolkningsförändring %s (%%)", en = "Population change %s (%%)" }:format(span), values = map,
             format = "percent", decimals = 1 }
  end,
}
