-- Tests of population: samverkan test scripts/reports/population.lua
return {
  {
    name = "default: 2024",
    expect = { contains = { "Population 2024\n===============", "The six regions:    2 750 635" } },
  },
  {
    name = "another year",
    params = { year = 1950 },
    expect = { contains = {
      "Year (31 December): 1950",
      "The six regions:    1 821 454",
      "Sweden:             7 046 920",
      "Share of Sweden:    25,8 %",
    } },
  },
  {
    name = "edge: a year with only Sweden's total is a usage error",
    params = { year = 2022 },
    expect = { error = "usage", message = "only Sweden's total for 2022" },
  },
}
