-- Tests of position-papers: samverkan test scripts/reports/position-papers.lua
return {
  {
    name = "the papers and the areas they cover",
    expect = { contains = {
      "Position papers:               6",
      "Areas with at least one paper: 4",
      "Kollektivtrafik för ett enat Sydsverige",
    } },
  },
  {
    name = "edge: one paper written in the test",
    data = { position_papers = {
      { id = "test-2025", title = "Ett testpapper", year = 2025, areas = { "kultur" }, source = "rss-om" },
    } },
    expect = { contains = { "Position papers:               1", "Ett testpapper", "Areas with at least one paper: 1" } },
  },
}
