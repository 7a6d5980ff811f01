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
    out:title("Population change " .. span)
    local six_change, six_pct = change(six_before, six_after)
    local sweden_change, sweden_pct = change(sweden_before, sweden_after)
    out:facts{
      { "The six regions " .. from, six_before, format = "number" },
      { "The six regions " .. to, six_after, format = "number" },
      { "Change, the six regions", six_change, format = "number" },
      { "Change, the six regions (%)", six_pct, format = "percent" },
      { "Change, Sweden", sweden_change, format = "number" },
      { "Change, Sweden (%)", sweden_pct, format = "percent" },
    }
    for _, y in ipairs{ from, to } do
      local gap = util.gap_note(kb, y)
      if gap then out:paragraph(gap) end
    end

    -- The columns of every table: the given leading titles, then the figures.
    local function columns(...)
      local list = { ... }
      for _, c in ipairs{ { title = tostring(from), format = "number" }, { title = tostring(to), format = "number" },
                          { title = "Change", format = "number" }, { title = "Change (%)", format = "percent", decimals = 1 } } do
        list[#list + 1] = c
      end
      return list
    end

    -- Regions, fastest growing first.
    out:heading("Regions")
    local function region_pct(r) return select(2, change(regions_before[r:key()], regions_after[r:key()])) end
    local t = out:table{ columns = columns("Region") }
    local labels, values = {}, {}
    for region in kb.regions:sort_by(region_pct, "desc"):each() do
      local a, b = regions_before[region:key()], regions_after[region:key()]
      local diff, pct = change(a, b)
      t:row{ region.name, a, b, diff, pct }
      labels[#labels + 1] = region.name
      values[#values + 1] = pct
    end
    out:chart{ kind = "bar", title = "Population change " .. span .. " per region", labels = labels, values = values,
               format = "percent", decimals = 1 }

    -- A table of municipalities, in the order of `list`.
    local function municipality_pct(m) return select(2, change(before[m:key()], after[m:key()])) end
    local function municipality_table(title, list)
      local mt = out:table{ title = title, columns = columns("Municipality", "Region") }
      for m in list:each() do
        local diff, pct = change(before[m:key()], after[m:key()])
        mt:row{ m.name, m.region, before[m:key()], after[m:key()], diff, pct }
      end
    end

    out:heading("Fastest growing municipalities")
    local growing = kb.municipalities:filter(function(m) return (municipality_pct(m) or 0) > 0 end)
    if #growing == 0 then out:paragraph("No municipality grew between " .. from .. " and " .. to .. ".")
    else municipality_table(nil, growing:sort_by(municipality_pct, "desc"):limit(10)) end

    out:heading("Fastest shrinking municipalities")
    local shrinking = kb.municipalities:filter(function(m) return (municipality_pct(m) or 0) < 0 end)
    if #shrinking == 0 then out:paragraph("No municipality shrank between " .. from .. " and " .. to .. ".")
    else municipality_table(nil, shrinking:sort_by(municipality_pct):limit(10)) end
    out:paragraph(string.format("%d of %d municipalities grew, %d shrank.", #growing, #kb.municipalities, #shrinking))

    out:heading("All municipalities")
    municipality_table(nil, kb.municipalities:sort_by("name"))

    local map = {}
    for m in kb.municipalities:each() do map[m:key()] = municipality_pct(m) end
    out:map{ level = "municipalities", title = "Population change " .. span .. " (%)", values = map,
             format = "percent", decimals = 1 }
  end,
}
