-- Tests of municipalities-in: samverkan test scripts/filters/municipalities-in.lua
return {
  {
    name = "default: Region Skåne's 33 municipalities",
    expect = { count = 33 },
  },
  {
    name = "a county letter: H is Kalmar län",
    params = { region = "H" },
    expect = { keys = {
      "0885", "0862", "0860", "0821", "0880", "0861", "0840", "0881", "0882", "0834", "0884", "0883",
    } },
  },
  {
    name = "edge: the genitive name without its s (Jönköping)",
    params = { region = "Jönköping" },
    expect = { count = 13 },
  },
  {
    name = "a name that is no region is a usage error with the closest one",
    params = { region = "Skone" },
    expect = { error = "usage", message = "did you mean 'Skåne'%?" },
  },
}
