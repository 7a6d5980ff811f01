-- overview: Regionsamverkan Sydsverige at a glance.
-- Run it with `samverkan report overview` (try --format markdown or html, -o FILE).
-- Every figure is computed from the knowledge base; nothing is typed in here.
local util = require("report_util")

return {
  kind = "report",
  requires = { "areas", "committees", "municipalities", "national_population", "organisation", "population", "position_papers", "priorities", "regions" },  -- skipped where the data lacks these
  description = "The collaboration at a glance: members, population, areas, committees, papers, priorities",
  tags = { "overview", "population", "areas" },

  run = function(kb, params, out)
    local org = kb.organisation

    -- The latest year with figures for both the municipalities and Sweden.
    local year = util.latest_year(kb)
    local by_region, six = util.region_population(kb, year)
    local sweden = util.sweden(kb, year)

    out:title(org.name)
    out:facts{
      { t{ sv = "Grundad", en = "Founded" }, org.founded, format = "date" },
      { t{ sv = "Organisationsform", en = "Legal form" }, org.legal_form },
      { t{ sv = "Medlemsregioner", en = "Member regions" }, #org.member_regions, format = "number" },
      { t{ sv = "Styrelsens ordförande", en = "Chair of the board" }, org.chair_region },   -- a region: shown by its name
      { t{ sv = "Befolkning ", en = "Population " } .. year, six, format = "number" },
      { t{ sv = "Andel av Sveriges befolkning ", en = "Share of Sweden's population " } .. year, util.share(six, sweden), format = "percent" },
      { t{ sv = "Befolkning enligt organisationen", en = "Population as the organisation states it" }, org.stated_population },
      { t{ sv = "Landareal (km²)", en = "Land area (km²)" }, kb.regions:sum("land_area_km2"), format = "number" },
      { t{ sv = "Webbplats", en = "Website" }, org.website },
    }
    -- purpose and goal are verbatim quotes; either may be missing.
    local about = {}
    if org.purpose then about[#about + 1] = org.purpose end
    if org.goal then about[#about + 1] = org.goal end
    if #about > 0 then out:paragraph(table.concat(about, " ")) end
    local gap = util.gap_note(kb, year)
    if gap then out:paragraph(gap) end

    -- The member regions, in Swedish alphabetical order.
    out:heading(t{ sv = "Medlemsregioner", en = "Member regions" })
    local rt = out:table{
      columns = {
        "Region", t{ sv = "Län", en = "County" }, t{ sv = "Residensstad", en = "Seat" },
        { title = t{ sv = "Kommuner", en = "Municipalities" }, format = "number" },
        { title = t{ sv = "Befolkning ", en = "Population " } .. year, format = "number" },
        { title = t{ sv = "Andel av de sex", en = "Share of the six" }, format = "percent", decimals = 1 },
      },
    }
    local labels, values, map = {}, {}, {}
    for region in kb.regions:sort_by("name"):each() do
      local population = by_region[region:key()]
      rt:row{ region.name, region.county, region.seat, #region.municipalities,
             population, util.share(population, six) }
      labels[#labels + 1] = region.name
      values[#values + 1] = population
      map[region:key()] = population
    end
    local per_region = t{ sv = "Befolkning per region ", en = "Population per region " } .. year
    out:chart{ kind = "bar", title = per_region, labels = labels, values = values, format = "number" }
    out:map{ level = "regions", title = per_region, values = map, format = "number" }

    -- The areas of collaboration, in the order of the about page (source order).
    out:heading(t{ sv = "Verksamhetsområden (%d)", en = "Areas of collaboration (%d)" }:format(#kb.areas))
    out:list(kb.areas:map(function(a) return a.name end))

    -- Committees and the areas each one handles.
    out:heading(t{ sv = "Beredningar", en = "Committees" })
    local c = out:table{ columns = { t{ sv = "Beredning", en = "Committee" }, t{ sv = "Områden", en = "Areas" },
                                     t{ sv = "Ordförande (senast funnen)", en = "Chair (latest found)" },
                                     t{ sv = "Ordförandens region", en = "Chair's region" },
                                     { title = t{ sv = "Ordförandeår", en = "Chair year" }, format = "text" } } }
    for committee in kb.committees:each() do
      c:row{ committee.name, util.names(committee.areas), committee.chair, committee.chair_region, committee.chair_year }
    end

    -- Position papers; a title or year the sources do not give stays empty.
    out:heading(t{ sv = "Positionspapper", en = "Position papers" })
    local p = out:table{ columns = { t{ sv = "Titel", en = "Title" }, { title = t{ sv = "År", en = "Year" }, format = "text" },
                                     t{ sv = "Områden", en = "Areas" } } }
    for paper in kb.position_papers:sort_by("year"):each() do   -- papers without a year come last
      p:row{ paper.title, paper.year, util.names(paper.areas, kb.areas) }
    end
    out:paragraph(t{ sv = "En tom cell är ett värde som källorna inte anger; rapporten position-papers har detaljerna.",
                     en = "An empty cell is a value the sources do not give; the position-papers report has the details." })

    -- The priorities of the latest year in the data.
    local latest = kb.priorities:max("year")
    if latest == nil then
      out:paragraph(t{ sv = "Kunskapsbasen har inga prioriteringar.", en = "The knowledge base has no priorities." })
      return
    end
    out:heading(t{ sv = "Prioriteringar ", en = "Priorities " } .. latest)
    local pr = out:table{ columns = { t{ sv = "Bokstav", en = "Letter" }, t{ sv = "Prioritering", en = "Priority" },
                                      t{ sv = "Områden", en = "Areas" } } }
    for priority in kb.priorities:where{ year = latest }:sort_by("letter"):each() do
      pr:row{ priority.letter, priority.title, util.names(priority.areas, kb.areas) }
    end
    out:paragraph(t{ sv = "Rubrikerna är korta redaktionella titlar, inte från källan; rapporten priorities visar den ordagranna texten.",
                     en = "The headings are short editorial titles, not from the source; the priorities report shows the verbatim text." })
  end,
}
