-- position-papers: which areas of collaboration the position papers cover.
-- Run it with `samverkan report position-papers`.
-- A title or year the sources do not give is shown as missing, never filled in.
local util = require("report_util")

return {
  kind = "report",
  requires = { "areas", "municipalities", "national_population", "population", "position_papers", "regions" },  -- skipped where the data lacks these
  description = "Areas × position papers: coverage, areas without a paper, papers without a year or title",
  tags = { "areas", "position-papers" },

  run = function(kb, params, out)
    -- Papers by year; papers without a year come last (in the order of the data).
    local papers = kb.position_papers:sort_by("year")

    out:title(t{ sv = "Positionspapper och verksamhetsområden", en = "Position papers and areas of collaboration" })
    out:facts{
      { t{ sv = "Positionspapper", en = "Position papers" }, #papers, format = "number" },
      { t{ sv = "Verksamhetsområden", en = "Areas of collaboration" }, #kb.areas, format = "number" },
      { t{ sv = "Verksamhetsområden med minst ett positionspapper", en = "Areas with at least one paper" },
        kb.areas:count(function(a) return #a.position_papers > 0 end), format = "number" },
    }

    -- The papers themselves, numbered; the numbers are the column titles of the matrix below.
    out:heading(t{ sv = "Positionspapper", en = "Position papers" })
    local list = out:table{
      columns = { { title = t{ sv = "Nr", en = "No." }, format = "number" }, t{ sv = "Titel", en = "Title" },
                  { title = t{ sv = "År", en = "Year" }, format = "text" },
                  { title = t{ sv = "Antaget", en = "Adopted" }, format = "date" }, t{ sv = "Områden", en = "Areas" } },
    }
    for i, paper in ipairs(papers) do
      list:row{ i, paper.title, paper.year, paper.adopted, util.names(paper.areas, kb.areas) }
    end
    out:paragraph(t{ sv = "En tom cell är ett värde som källorna inte anger.",
                     en = "An empty cell is a value the sources do not give." })

    -- The matrix: one row per area (about-page order), one column per paper (by number).
    out:heading(t{ sv = "Verksamhetsområden × positionspapper", en = "Areas × position papers" })
    local columns = { t{ sv = "Område", en = "Area" } }
    for i = 1, #papers do columns[#columns + 1] = tostring(i) end
    columns[#columns + 1] = { title = t{ sv = "Positionspapper", en = "Papers" }, format = "number" }
    local matrix = out:table{ columns = columns }
    for area in kb.areas:each() do
      local row = { area.name }
      for paper in papers:each() do
        local covers = false
        for _, a in ipairs(paper.areas) do
          if a == area then covers = true end
        end
        row[#row + 1] = covers and "●" or ""
      end
      row[#row + 1] = #area.position_papers          -- the inverse relation: papers naming this area
      matrix:row(row)
    end

    -- Areas that no paper names.
    out:heading(t{ sv = "Verksamhetsområden utan positionspapper", en = "Areas without a position paper" })
    local without = kb.areas:filter(function(a) return #a.position_papers == 0 end)
    if #without == 0 then
      out:paragraph(t{ sv = "Alla verksamhetsområden har minst ett positionspapper.",
                       en = "All areas have at least one position paper." })
    else
      out:list(without:map(function(a) return a.name end))
    end

    -- Gaps in the data: the sources do not state these.
    local function gap(heading, field, all_fine)
      out:heading(heading)
      local missing = papers:filter(function(p) return p[field] == nil end)
      if #missing == 0 then out:paragraph(all_fine); return end
      out:list(missing:map(function(p)
        return (p.title or p:key()) .. " (" .. util.names(p.areas) .. ")" .. (p.note and (": " .. p.note) or "")
      end))
    end
    gap(t{ sv = "Positionspapper utan årtal", en = "Papers without a year" }, "year",
        t{ sv = "Alla positionspapper har ett årtal.", en = "Every position paper has a year." })
    gap(t{ sv = "Positionspapper utan titel", en = "Papers without a title" }, "title",
        t{ sv = "Alla positionspapper har en titel.", en = "Every position paper has a title." })
  end,
}
