-- Tests of population: samverkan test scripts/reports/population.lua
return {
  {
    name = "default: 2024, in Swedish",
    expect = { contains = { "Befolkning 2024\n===============", "De sex regionerna: 2 750 635",
                            "Befolkning per region 1950–2024", "Andel av Sveriges befolkning 1950–2024" } },
  },
  {
    name = "another year",
    params = { year = 1950 },
    expect = { contains = {
      "År (31 december):  1950",
      "De sex regionerna: 1 821 454",
      "Sverige:           7 046 920",
      "Andel av Sverige:  25,8 %",
    } },
  },
  {
    name = "in English",
    locale = "en",
    expect = { contains = { "Population 2024\n===============", "The six regions:    2,750,635", "Population per region 1950–2024" } },
  },
  {
    name = "edge: a year with only Sweden's total is a usage error",
    params = { year = 2022 },
    expect = { error = "usage", message = "only Sweden's total for 2022" },
  },
}
