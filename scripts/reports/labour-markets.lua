-- labour-markets: the municipalities grouped by local labour market (LA 2021, SCB), and
-- optionally by functional analysis region (FA15, Tillväxtanalys); the regions that
-- cross county borders get a section of their own.
-- Run it with `samverkan report labour-markets`, or `-p fa15=false` for LA 2021 only.
local util = require("report_util")

return {
  kind = "report",
  requires = { "fa_regions", "labour_markets", "municipalities", "national_population", "population", "regions" },  -- skipped where the data lacks these
  description = "Municipalities by local labour market (LA 2021) and FA15 region; those crossing county borders",
  tags = { "labour-markets", "geography" },
  params = {
    fa15 = { type = "boolean", default = true, description = "also show the FA15 functional analysis regions" },
  },

  run = function(kb, params, out)
    local year = util.latest_year(kb)
    local population = util.municipality_population(kb, year)

    -- The counties among the six that a region's municipalities lie in, e.g. { "Blekinge län", "Skåne län" }.
    local function counties(region)
      local seen, list = {}, {}
      for m in region.municipalities:sort_by(function(x) return x.region and x.region.county end):each() do
        -- Only with --allow-invalid: a municipality whose region is missing or not in the data.
        if m.region == nil then
          note("left out " .. tostring(m) .. " from the counties of " .. tostring(region) .. ": its region is missing")
        else
          local county = m.region.county
          if not seen[county] then seen[county] = true; list[#list + 1] = county end
        end
      end
      return list
    end
    -- It crosses a county border when it spans two of the six counties or reaches outside them.
    local function crosses(region)
      return #counties(region) > 1 or (region.other_counties ~= nil and #region.other_counties > 0)
    end
    local function population_of(region)
      return region.municipalities:sum(function(m) return population[m:key()] end)
    end

    -- One section for a collection of regions (labour_markets or fa_regions).
    local function section(collection, what)
      local regions = collection:sort_by(population_of, "desc")
      local crossing = regions:filter(crosses)
      out:heading(what)
      out:facts{
        { "Regions with municipalities in the six counties", #regions, format = "number" },
        { "Crossing a county border", #crossing, format = "number" },
      }
      local derived = regions:count(function(r) return r.derived end)
      if derived > 0 then
        out:paragraph(string.format("For %d of %d regions the municipalities' membership was derived by map " ..
          "overlay, not taken from an official table.", derived, #regions))
      end

      local t = out:table{
        title = what .. ": all regions",
        columns = { "Code", "Name", { title = "Municipalities", format = "number" }, "Counties",
                    "Other counties", { title = "Population " .. year, format = "number" } },
      }
      for r in regions:each() do
        t:row{ r:key(), r.name, #r.municipalities, util.join(counties(r)), util.join(r.other_counties), population_of(r) }
      end
      -- Which municipalities each region holds (Swedish alphabetical order).
      out:list(regions:map(function(r)
        local names = r.municipalities:sort_by("name"):map(function(m) return m.name end)
        return r.name .. " (" .. r:key() .. "): " .. table.concat(names, ", ")
      end))

      out:heading(what .. ": regions that cross a county border")
      if #crossing == 0 then
        out:paragraph("None: every region lies within one of the six counties.")
        return
      end
      local c = out:table{
        columns = { "Code", "Name", "Counties", "Other counties",
                    { title = "Outside the six", format = "number" } },
      }
      local outside = {}
      for r in crossing:each() do
        local others = r.other_municipalities
        c:row{ r:key(), r.name, util.join(counties(r)), util.join(r.other_counties), others and #others or 0 }
        if others then outside[#outside + 1] = r.name .. " (" .. r:key() .. ") also covers: " .. util.join(others) end
      end
      -- The municipalities outside the six counties are named in the data but are not records of it.
      if #outside > 0 then out:list(outside) end
    end

    out:title("Labour markets and functional regions")
    out:paragraph("Each municipality of the six regions belongs to one local labour market (LA 2021, SCB)" ..
      (params.fa15 and " and one functional analysis region (FA15, Tillväxtanalys)" or "") ..
      ". Counties are those of the six that the region's municipalities lie in; other counties and the " ..
      "municipalities outside the six come from the region's own record. Population figures are for " .. year ..
      " (31 December) and count only the municipalities in the six counties.")
    section(kb.labour_markets, "Local labour markets (LA 2021)")
    if params.fa15 then section(kb.fa_regions, "Functional analysis regions (FA15)") end
  end,
}
