-- Tests of cross-border-labour-markets: samverkan test scripts/filters/cross-border-labour-markets.lua
return {
  {
    name = "default: across the six regions or beyond them",
    expect = { rows = {
      { code = "LA2107", name = "Jönköping", ["#municipalities"] = 10 },
      { code = "LA2109", name = "Älmhult", ["#municipalities"] = 2 },
      { code = "LA2120", name = "Kristianstad-Hässleholm", ["#municipalities"] = 6 },
      { code = "LA2123", name = "Göteborg", ["#municipalities"] = 3 },
    } },
  },
  {
    name = "outside_only: those that reach counties outside the six",
    params = { outside_only = true },
    expect = { keys = { "LA2107", "LA2123" } },
  },
  {
    name = "edge: a labour market with no municipalities but another county",
    data = { labour_markets = {
      { code = "LA9999", name = "Test", derived = false, other_counties = { "Hallands län" }, source = "kommundata" },
    } },
    expect = { keys = { "LA9999" } },
  },
}
