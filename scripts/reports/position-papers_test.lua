-- Tests of position-papers: samverkan test scripts/reports/position-papers.lua
return {
  {
    name = "the papers and the areas they cover",
    expect = { contains = {
      "Positionspapper:                                  6",
      "Verksamhetsområden med minst ett positionspapper: 4",
      "Kollektivtrafik för ett enat Sydsverige",
      "Verksamhetsområden utan positionspapper",
    }, excludes = { "Position papers", "Areas" } },
  },
  {
    name = "edge: one paper written in the test",
    data = { position_papers = {
      { id = "test-2025", title = "Ett testpapper", year = 2025, areas = { "kultur" }, source = "rss-om" },
    } },
    expect = { contains = {
      "Positionspapper:                                  1",
      "Ett testpapper",
      "Verksamhetsområden med minst ett positionspapper: 1",
      "Alla positionspapper har ett årtal.",
      "Alla positionspapper har en titel.",
    } },
  },
  {
    name = "in English",
    locale = "en",
    expect = { contains = {
      "Position papers and areas of collaboration",
      "Position papers:               6",
      "Areas with at least one paper: 4",
      "Areas without a position paper",
    }, excludes = { "Verksamhetsområden", "Positionspapper utan" } },
  },
}
