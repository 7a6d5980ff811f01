-- Tests of growth: samverkan test scripts/reports/growth.lua
return {
  {
    name = "default: 2000 to 2024, in Swedish",
    expect = { contains = {
      "Befolkningsförändring 2000–2024",
      "De sex regionerna 2000:            2 294 679",
      "Förändring, de sex regionerna (%): 19,9 %",
      "Förändring sedan 2000",
    } },
  },
  {
    name = "other years, in English",
    params = { from = 1950, to = 2020 },
    locale = "en",
    expect = { contains = { "Population change 1950–2020", "The six regions 1950:", "Change since 1950" } },
  },
  {
    name = "edge: from after to is a usage error",
    params = { from = 2024, to = 2000 },
    expect = { error = "usage", message = "not before 'to'" },
  },
}
