-- Tests of municipality-code-prefix: samverkan test scripts/validations/municipality-code-prefix.lua
return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "a code that does not start with its region's code",
    data = { municipalities = {
      { code = "1280", name = "Malmö", region = "12", source = "sjbrg-swedish-geodata" },
      { code = "1380", name = "Halmstad", region = "12", source = "sjbrg-swedish-geodata" },
    } },
    expect = { findings = {
      { severity = "error", key = "1380", field = "code", message = "does not start with 12, the code of Region Skåne" },
    } },
  },
  {
    name = "edge: a municipality without a region is left to the schema check",
    data = { municipalities = { { code = "1280", name = "Malmö", source = "sjbrg-swedish-geodata" } } },
    expect = { count = 0 },
  },
}
