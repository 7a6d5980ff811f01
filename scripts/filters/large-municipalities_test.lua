-- Tests of large-municipalities (samverkan test scripts/filters/large-municipalities.lua).
return {
  {
    name = "default: 2024, at least 100 000",
    expect = { rows = {
      { ["municipality.name"] = "Malmö", population = 365644 },
      { ["municipality.name"] = "Helsingborg", population = 152091 },
      { ["municipality.name"] = "Jönköping", population = 147654 },
      { ["municipality.name"] = "Lund", population = 131590 },
      { ["municipality.name"] = "Halmstad", population = 106084 },
    } },
  },
  {
    name = "a lower threshold in another year",
    params = { min = 50000, year = 2000 },
    expect = { keys = {
      "1280-2000", "1283-2000", "0680-2000", "1281-2000", "1380-2000", "1290-2000",
      "0780-2000", "1384-2000", "1080-2000", "0880-2000", "1383-2000",
    } },
  },
  {
    name = "edge: the threshold is inclusive",
    params = { min = 365644 },
    expect = { keys = { "1280-2024" } },
  },
  {
    name = "edge: a municipality written in the test",
    data = {
      municipalities = { { code = "1280", name = "Malmö", region = "12", source = "sjbrg-swedish-geodata" } },
      population = { { id = "1280-2024", municipality = "1280", year = 2024, population = 100000, source = "val26-folkmangd-2024" } },
    },
    expect = { keys = { "1280-2024" } },
  },
  {
    name = "a year without figures is a usage error",
    params = { year = 2022 },
    expect = { error = "usage", message = "2022" },
  },
  {
    name = "a negative threshold is a usage error",
    params = { min = -1 },
    expect = { error = "usage", message = "must be 0 or more" },
  },
}
