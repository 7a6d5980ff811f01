-- Tests of priority-areas: samverkan test scripts/validations/priority-areas.lua
return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "edge: a priority that names an area twice",
    data = { priorities = {
      { id = "2023-A", year = 2023, letter = "A", title = "Test", areas = { "kultur", "kultur" }, source = "rss-om" },
    } },
    expect = { findings = { { severity = "warning", key = "2023-A", message = "names area 'kultur' twice" } } },
  },
}
