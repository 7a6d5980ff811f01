-- position-paper-areas: position papers and the areas of collaboration.
--
--   samverkan validate position-paper-areas
--
-- Errors:   a paper names an area that does not exist (with the list of areas);
--           an area that no committee covers (on the area record).
-- Warnings: a paper with no area; a paper that names an area twice.
local areas = require("check_areas")

return {
  kind = "validation",
  requires = { "areas", "committees", "position_papers" },  -- skipped where the data lacks these
  description = "Position papers name existing areas, at least one each; every area has a committee",
  tags = { "areas", "position-papers", "committees" },
  severity = "error",

  run = function(kb, findings, params)
    for paper in kb.position_papers:each() do
      areas.check_list(paper, findings, "position paper")
    end
    areas.check_committees(kb, findings, "position_papers", "position paper", "position papers")
  end,
}
