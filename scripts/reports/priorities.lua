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

    out:title(params.year and (t{ sv = "Prioriteringar ", en = "Priorities " } .. params.year)
              or t{ sv = "Prioriteringar", en = "Priorities" })
    out:facts{
      { t{ sv = "År", en = "Years" }, #years > 0 and util.year_ranges(years, t{ sv = "och", en = "and" }) or nil },
      { t{ sv = "Prioriteringar", en = "Priorities" }, #selected, format = "number" },
    }
    out:paragraph(t{ sv = "Texten återges ordagrant från källan; titeln är en kort redaktionell rubrik och kommer inte från källan.",
                     en = "The text is verbatim from the source; the title is a short editorial heading, not from the source." })

    -- One section per year, priorities by letter.
    for _, year in ipairs(years) do
      out:heading(t{ sv = "Prioriteringar ", en = "Priorities " } .. year)
      local by_letter = out:table{ columns = { t{ sv = "Bokstav", en = "Letter" }, t{ sv = "Titel", en = "Title" },
                                               t{ sv = "Text (ordagrann)", en = "Text (verbatim)" },
                                               t{ sv = "Områden", en = "Areas" } } }
      for p in selected:where{ year = year }:sort_by("letter"):each() do
        by_letter:row{ p.letter, p.title, p.text, util.names(p.areas, kb.areas) }
      end
    end

    -- How often each area is touched, and which areas none of the selected priorities touch.
    out:heading(t{ sv = "Verksamhetsområden", en = "Areas" })
    local touched = {}
    for p in selected:each() do
      for _, area in ipairs(p.areas) do touched[area:key()] = (touched[area:key()] or 0) + 1 end
    end
    local per_area = out:table{ columns = { t{ sv = "Område", en = "Area" },
                                            { title = t{ sv = "Prioriteringar", en = "Priorities" }, format = "number" } } }
    for area in kb.areas:each() do per_area:row{ area.name, touched[area:key()] or 0 } end

    out:heading(t{ sv = "Verksamhetsområden som ingen prioritering berör", en = "Areas no priority touches" })
    local untouched = kb.areas:filter(function(a) return touched[a:key()] == nil end)
    if #untouched == 0 then
      out:paragraph(t{ sv = "Alla verksamhetsområden berörs av minst en prioritering.",
                       en = "Every area is touched by at least one priority." })
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
      out:paragraph(t{ sv = "Berörs bara av en prioritering som omfattar alla verksamhetsområden: %s.",
                       en = "Touched only by a priority that covers all areas: %s." }
        :format(table.concat(only_general:map(function(a) return a.name end), ", ")))
    end
  end,
}
