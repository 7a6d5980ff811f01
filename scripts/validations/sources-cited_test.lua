-- Tests of sources-cited: samverkan test scripts/validations/sources-cited.lua
return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "edge: an area that cites no source",
    data = { areas = { { code = "test-area", name = "Test" } } },
    expect = { findings = { { severity = "error", key = "test-area", field = "source", message = "has no source" } } },
  },
}
