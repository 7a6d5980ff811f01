-- Tests of position-paper-areas: samverkan test scripts/validations/position-paper-areas.lua
return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "a paper that names no area, and one that names an area that does not exist",
    data = { position_papers = {
      { id = "test-1", title = "Utan område", areas = {}, source = "rss-om" },
      { id = "test-2", title = "Fel område", areas = { "infrastruktur", "rymdfart" }, source = "rss-om" },
    } },
    expect = { findings = {
      { severity = "warning", key = "test-1", message = "has no area of collaboration" },
      { severity = "error", key = "test-2", field = "areas", message = "names area 'rymdfart', which does not exist" },
    } },
  },
}
