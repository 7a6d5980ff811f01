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
      { "Founded", org.founded, format = "date" },
      { "Legal form", org.legal_form },
      { "Member regions", #org.member_regions, format = "number" },
      { "Chair of the board", org.chair_region },           -- a region: shown by its name
      { "Population " .. year, six, format = "number" },
      { "Share of Sweden's population " .. year, util.share(six, sweden), format = "percent" },
      { "Population as the organisation states it", org.stated_population },
      { "Land area (km²)", kb.regions:sum("land_area_km2"), format = "number" },
      { "Website", org.website },
    }
    -- purpose and goal are verbatim quotes; either may be missing.
    local about = {}
    if org.purpose then about[#about + 1] = org.purpose end
    if org.goal then about[#about + 1] = org.goal end
    if #about > 0 then out:paragraph(table.concat(about, " ")) end
    local gap = util.gap_note(kb, year)
    if gap then out:paragraph(gap) end

    -- The member regions, in Swedish alphabetical order.
    out:heading("Member regions")
    local t = out:table{
      columns = {
        "Region", "County", "Seat",
        { title = "Municipalities", format = "number" },
        { title = "Population " .. year, format = "number" },
        { title = "Share of the six", format = "percent", decimals = 1 },
      },
    }
    local labels, values, map = {}, {}, {}
    for region in kb.regions:sort_by("name"):each() do
      local population = by_region[region:key()]
      t:row{ region.name, region.county, region.seat, #region.municipalities,
             population, util.share(population, six) }
      labels[#labels + 1] = region.name
      values[#values + 1] = population
      map[region:key()] = population
    end
    out:chart{ kind = "bar", title = "Population per region " .. year, labels = labels, values = values, format = "number" }
    out:map{ level = "regions", title = "Population per region " .. year, values = map, format = "number" }

    -- The areas of collaboration, in the order of the about page (source order).
    out:heading("Areas of collaboration (" .. #kb.areas .. ")")
    out:list(kb.areas:map(function(a) return a.name end))

    -- Committees and the areas each one handles.
    out:heading("Committees")
    local c = out:table{ columns = { "Committee", "Areas", "Chair (latest found)", "Chair's region",
                                     { title = "Chair year", format = "text" } } }
    for committee in kb.committees:each() do
      c:row{ committee.name, util.names(committee.areas), committee.chair, committee.chair_region, committee.chair_year }
    end

    -- Position papers; a title or year the sources do not give stays empty.
    out:heading("Position papers")
    local p = out:table{ columns = { "Title", { title = "Year", format = "text" }, "Areas" } }
    for paper in kb.position_papers:sort_by("year"):each() do   -- papers without a year come last
      p:row{ paper.title, paper.year, util.names(paper.areas, kb.areas) }
    end
    out:paragraph("An empty cell is a value the sources do not give; the position-papers report has the details.")

    -- The priorities of the latest year in the data.
    local latest = kb.priorities:max("year")
    if latest == nil then
      out:paragraph("The knowledge base has no priorities.")
      return
    end
    out:heading("Priorities " .. latest)
    local pr = out:table{ columns = { "Letter", "Priority", "Areas" } }
    for priority in kb.priorities:where{ year = latest }:sort_by("letter"):each() do
      pr:row{ priority.letter, priority.title, util.names(priority.areas, kb.areas) }
    end
    out:paragraph("The headings are short editorial titles, not from the source; the priorities report shows the verbatim text.")
  end,
}
