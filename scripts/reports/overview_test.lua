-- Tests of overview: samverkan test scripts/reports/overview.lua
return {
  {
    name = "the collaboration at a glance",
    expect = { contains = {
      "Regionsamverkan Sydsverige\n==========================",
      "Member regions:                           6",
      "Population 2024:                          2 750 635",
      "Share of Sweden's population 2024:        26,0 %",
    } },
  },
  {
    name = "in English",
    locale = "en",
    expect = { contains = { "Population 2024:                          2,750,635", "26.0%" } },
  },
  {
    name = "edge: a parameter it does not take is a usage error",
    params = { year = 2020 },
    expect = { error = "usage", message = "takes no parameters" },
  },
}
