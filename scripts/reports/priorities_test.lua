-- Tests of priorities: samverkan test scripts/reports/priorities.lua
return {
  {
    name = "default: every year",
    expect = { contains = {
      "Prioriteringar: 5",
      "Påverkansarbete inom samtliga verksamhetsområden",
      "Alla verksamhetsområden",
      "Berörs bara av en prioritering som omfattar alla verksamhetsområden: Kollektivtrafik,",
    }, excludes = { "Priorities", "All areas" } },
  },
  {
    name = "one year",
    params = { year = 2023 },
    expect = { contains = { "Prioriteringar 2023\n===================", "År:             2023" } },
  },
  {
    name = "one year, in English",
    params = { year = 2023 },
    locale = "en",
    expect = { contains = {
      "Priorities 2023\n===============",
      "Years:      2023",
      "All areas",
      "Areas no priority touches",
    }, excludes = { "Prioriteringar", "verksamhetsområden:" } },
  },
  {
    name = "edge: a year without priorities is a usage error",
    params = { year = 1999 },
    expect = { error = "usage", message = "a year without priorities; the data has them for 2023" },
  },
}
