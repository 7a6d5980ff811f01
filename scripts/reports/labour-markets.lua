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
        { t{ sv = "Regioner med kommuner i de sex länen", en = "Regions with municipalities in the six counties" },
          #regions, format = "number" },
        { t{ sv = "Sträcker sig över en länsgräns", en = "Crossing a county border" }, #crossing, format = "number" },
      }
      local derived = regions:count(function(r) return r.derived end)
      if derived > 0 then
        out:paragraph(t{
          sv = "För %d av %d regioner har kommunernas tillhörighet tagits fram genom överlagring av kartor, " ..
               "inte hämtats ur en officiell tabell.",
          en = "For %d of %d regions the municipalities' membership was derived by map " ..
               "overlay, not taken from an official table.",
        }:format(derived, #regions))
      end

      local all_regions = out:table{
        title = t{ sv = "%s: alla regioner", en = "%s: all regions" }:format(what),
        columns = { t{ sv = "Kod", en = "Code" }, t{ sv = "Namn", en = "Name" },
                    { title = t{ sv = "Kommuner", en = "Municipalities" }, format = "number" },
                    t{ sv = "Län", en = "Counties" }, t{ sv = "Övriga län", en = "Other counties" },
                    { title = t{ sv = "Befolkning ", en = "Population " } .. year, format = "number" } },
      }
      for r in regions:each() do
        all_regions:row{ r:key(), r.name, #r.municipalities, util.join(counties(r)), util.join(r.other_counties), population_of(r) }
      end
      -- Which municipalities each region holds (Swedish alphabetical order).
      out:list(regions:map(function(r)
        local names = r.municipalities:sort_by("name"):map(function(m) return m.name end)
        return r.name .. " (" .. r:key() .. "): " .. table.concat(names, ", ")
      end))

      out:heading(t{ sv = "%s: regioner som sträcker sig över en länsgräns",
                     en = "%s: regions that cross a county border" }:format(what))
      if #crossing == 0 then
        out:paragraph(t{ sv = "Inga: alla regioner ligger inom ett av de sex länen.",
                         en = "None: every region lies within one of the six counties." })
        return
      end
      local c = out:table{
        columns = { t{ sv = "Kod", en = "Code" }, t{ sv = "Namn", en = "Name" }, t{ sv = "Län", en = "Counties" },
                    t{ sv = "Övriga län", en = "Other counties" },
                    { title = t{ sv = "Utanför de sex länen", en = "Outside the six" }, format = "number" } },
      }
      local outside = {}
      for r in crossing:each() do
        local others = r.other_municipalities
        c:row{ r:key(), r.name, util.join(counties(r)), util.join(r.other_counties), others and #others or 0 }
        if others then
          outside[#outside + 1] = t{ sv = "%s (%s) omfattar även: %s", en = "%s (%s) also covers: %s" }
            :format(r.name, r:key(), util.join(others))
        end
      end
      -- The municipalities outside the six counties are named in the data but are not records of it.
      if #outside > 0 then out:list(outside) end
    end

    out:title(t{ sv = "Arbetsmarknader och funktionella regioner", en = "Labour markets and functional regions" })
    out:paragraph(t{
      sv = "Varje kommun i de sex regionerna tillhör en lokal arbetsmarknad (LA 2021, SCB)%s. " ..
           "Under Län anges de av de sex länen som regionens kommuner ligger i; övriga län och kommunerna " ..
           "utanför de sex länen hämtas från regionens egen post. Befolkningssiffrorna avser den 31 december %d " ..
           "och omfattar bara kommunerna i de sex länen.",
      en = "Each municipality of the six regions belongs to one local labour market (LA 2021, SCB)%s" ..
           ". Counties are those of the six that the region's municipalities lie in; other counties and the " ..
           "municipalities outside the six come from the region's own record. Population figures are for %d" ..
           " (31 December) and count only the municipalities in the six counties.",
    }:format(params.fa15 and t{ sv = " och en funktionell analysregion (FA15, Tillväxtanalys)",
                                en = " and one functional analysis region (FA15, Tillväxtanalys)" } or "", year))
    section(kb.labour_markets, t{ sv = "Lokala arbetsmarknader (LA 2021)", en = "Local labour markets (LA 2021)" })
    if params.fa15 then
      section(kb.fa_regions, t{ sv = "Funktionella analysregioner (FA15)", en = "Functional analysis regions (FA15)" })
    end
  end,
}
