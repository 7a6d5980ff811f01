-- Tests of population-series: samverkan test scripts/validations/population-series.lua
return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "max_change: a stricter limit warns of jumps",
    params = { max_change = 0.01 },
    expect = { count = 1658 },
  },
  {
    name = "edge: a negative figure",
    data = {
      municipalities = { { code = "1280", name = "Malmö", region = "12", source = "sjbrg-swedish-geodata" } },
      population = {
        { id = "1280-2024", municipality = "1280", year = 2024, population = -5, source = "val26-folkmangd-2024" },
      },
    },
    expect = { findings = { { key = "1280-2024", message = "negative population" } } },
  },
  {
    name = "a negative max_change is a usage error",
    params = { max_change = -1 },
    expect = { error = "usage", message = "must be 0 or more" },
  },
}
