-- areas-without-position-paper: the areas of collaboration that no position paper in
-- the data covers.
--
--   samverkan query areas-without-position-paper
return {
  kind = "filter",
  description = "Areas of collaboration without a position paper",
  tags = { "areas", "position-papers" },
  collection = "areas",

  match = function(area, params)
    return #area.position_papers == 0
  end,

  columns = { "code", "name", "#committees", "#priorities" },
}
