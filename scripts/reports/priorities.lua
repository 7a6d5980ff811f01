-- priorities: the board's yearly priorities, their verbatim text and the areas they touch.
-- Run it with `samverkan report priorities` (all years) or `-p year=2023` (one year).
local util = require("report_util")

return {
  kind = "report",
  requires = { "areas", "municipalities", "national_population", "population", "priorities", "regions" },  -- skipped where the data lacks these
  description = "The board's priorities by year, with their text and areas; areas no priority touches",
  tags = { "priorities", "areas" },
  params = {
    year = { type = "integer", description = "only this year (default: every year in the data)" },
  },

  run = function(kb, params, out)
    -- The years that have priorities, ascending.
    local years = {}
    for _, group in ipairs(kb.priorities:group_by("year")) do years[#years + 1] = group.key end
    table.sort(years)

    local selected = kb.priorities
    if params.year ~= nil then
      selected = kb.priorities:where{ year = params.year }
      if #selected == 0 then
        -- The user's mistake, not the report's: a usage error (exit 2) naming the years.
        param_error("year", string.format("is %d, a year without priorities; %s", params.year,
          #years > 0 and ("the data has them for " .. util.year_ranges(years)) or "the data has none"))
      end
      years = { params.year }
    end

    out:title(params.year and ("Priorities " .. params.year) or "Priorities")
    out:facts{
      { "Years", #years > 0 and util.year_ranges(years) or nil },
      { "Priorities", #selected, format = "number" },
    }
    out:paragraph("The text is verbatim from the source; the title is a short editorial heading, not from the source.")

    -- One section per year, priorities by letter.
    for _, year in ipairs(years) do
      out:heading("Priorities " .. year)
      local t = out:table{ columns = { "Letter", "Title", "Text (verbatim)", "Areas" } }
      for p in selected:where{ year = year }:sort_by("letter"):each() do
        t:row{ p.letter, p.title, p.text, util.names(p.areas, kb.areas) }
      end
    end

    -- How often each area is touched, and which areas none of the selected priorities touch.
    out:heading("Areas")
    local touched = {}
    for p in selected:each() do
      for _, area in ipairs(p.areas) do touched[area:key()] = (touched[area:key()] or 0) + 1 end
    end
    local t = out:table{ columns = { "Area", { title = "Priorities", format = "number" } } }
    for area in kb.areas:each() do t:row{ area.name, touched[area:key()] or 0 } end

    out:heading("Areas no priority touches")
    local untouched = kb.areas:filter(function(a) return touched[a:key()] == nil end)
    if #untouched == 0 then
      out:paragraph("Every area is touched by at least one priority.")
    else
      out:list(untouched:map(function(a) return a.name end))
    end
    -- A priority about "all areas" (e.g. 2023 A, "samtliga verksamhetsområden") touches every area;
    -- name the areas that only such a priority touches, so they are not mistaken for a focus.
    local specific = {}
    for p in selected:each() do
      if #p.areas < #kb.areas then
        for _, area in ipairs(p.areas) do specific[area:key()] = true end
      end
    end
    local only_general = kb.areas:filter(function(a) return touched[a:key()] and not specific[a:key()] end)
    if #only_general > 0 then
      out:paragraph("Touched only by a priority that covers all areas: " ..
        table.concat(only_general:map(function(a) return a.name end), ", ") .. ".")
    end
  end,
}
