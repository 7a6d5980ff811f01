-- Tests of labour-markets: samverkan test scripts/reports/labour-markets.lua
return {
  {
    name = "default: labour markets and FA15 regions",
    expect = { contains = { "Labour markets and functional regions", "Local labour markets (LA 2021)", "FA15" } },
  },
  {
    name = "fa15 = false leaves the functional regions out",
    params = { fa15 = false },
    expect = { contains = { "Local labour markets (LA 2021)" }, excludes = { "FA15" } },
  },
  {
    name = "edge: a parameter that is not a boolean is a usage error",
    params = { fa15 = "perhaps" },
    expect = { error = "usage", message = "fa15" },
  },
}
