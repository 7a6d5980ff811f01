-- priority-areas: the board's priorities and the areas of collaboration.
--
--   samverkan validate priority-areas
--
-- Errors:   a priority names an area that does not exist (with the list of areas);
--           an area that no committee covers (on the area record).
-- Warnings: a priority with no area; a priority that names an area twice.
local areas = require("check_areas")

return {
  kind = "validation",
  requires = { "areas", "committees", "priorities" },  -- skipped where the data lacks these
  description = "Priorities name existing areas, at least one each; every area has a committee",
  tags = { "areas", "priorities", "committees" },
  severity = "error",

  run = function(kb, findings, params)
    for priority in kb.priorities:each() do
      areas.check_list(priority, findings, "priority")
    end
    areas.check_committees(kb, findings, "priorities", "priority", "priorities")
  end,
}
