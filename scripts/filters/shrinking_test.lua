-- Tests of shrinking: samverkan test scripts/filters/shrinking.lua
return {
  {
    name = "default: 2000 to 2024",
    expect = { keys = {
      "0885", "0862", "0662", "0617", "0860", "1315", "0821", "0761", "0861",
      "1060", "1291", "0763", "0834", "0760", "0884", "0883", "1256",
    } },
  },
  {
    name = "other years: 1970 to 2020",
    params = { from = 1970, to = 2020 },
    expect = { count = 21 },
  },
  {
    name = "edge: an unchanged population is not shrinking",
    data = {
      municipalities = { { code = "1280", name = "Malmö", region = "12", source = "sjbrg-swedish-geodata" } },
      population = {
        { id = "1280-2000", municipality = "1280", year = 2000, population = 1000, source = "scb-malmogram" },
        { id = "1280-2024", municipality = "1280", year = 2024, population = 1000, source = "val26-folkmangd-2024" },
      },
    },
    expect = { keys = {} },
  },
  {
    name = "from after to is a usage error",
    params = { from = 2024, to = 2000 },
    expect = { error = "usage", message = "not before 'to'" },
  },
}
