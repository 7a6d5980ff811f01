-- Tests of priorities: samverkan test scripts/reports/priorities.lua
return {
  {
    name = "default: every year",
    expect = { contains = { "Priorities: 5", "Påverkansarbete inom samtliga verksamhetsområden" } },
  },
  {
    name = "one year",
    params = { year = 2023 },
    expect = { contains = { "Priorities 2023\n===============", "Years:      2023" } },
  },
  {
    name = "edge: a year without priorities is a usage error",
    params = { year = 1999 },
    expect = { error = "usage", message = "a year without priorities; the data has them for 2023" },
  },
}
