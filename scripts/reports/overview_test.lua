-- Tests of overview: samverkan test scripts/reports/overview.lua
return {
  {
    name = "the collaboration at a glance, in Swedish",
    expect = { contains = {
      "Regionsamverkan Sydsverige\n==========================",
      "Medlemsregioner:                   6",
      "Befolkning 2024:                   2 750 635",
      "Andel av Sveriges befolkning 2024: 26,0 %",
    } },
  },
  {
    name = "in English",
    locale = "en",
    expect = { contains = { "Member regions:                           6", "Population 2024:                          2,750,635", "26.0%" } },
  },
  {
    name = "edge: a parameter it does not take is a usage error",
    params = { year = 2020 },
    expect = { error = "usage", message = "takes no parameters" },
  },
}
