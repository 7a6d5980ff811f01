-- Tests of labour-markets: samverkan test scripts/reports/labour-markets.lua
return {
  {
    name = "default: labour markets and FA15 regions, in Swedish",
    expect = { contains = {
      "Arbetsmarknader och funktionella regioner",
      "Lokala arbetsmarknader (LA 2021)",
      "Funktionella analysregioner (FA15)",
      "Sträcker sig över en länsgräns:",
      "Jönköping (LA2107) omfattar även: Ydre",
    }, excludes = { "Local labour markets", "Crossing a county border", "also covers" } },
  },
  {
    name = "fa15 = false leaves the functional regions out",
    params = { fa15 = false },
    expect = { contains = { "Lokala arbetsmarknader (LA 2021)" }, excludes = { "FA15" } },
  },
  {
    name = "in English",
    locale = "en",
    expect = { contains = {
      "Labour markets and functional regions",
      "Local labour markets (LA 2021)",
      "Functional analysis regions (FA15): regions that cross a county border",
      "Jönköping (LA2107) also covers: Ydre",
    }, excludes = { "Lokala arbetsmarknader", "länsgräns" } },
  },
  {
    name = "edge: a parameter that is not a boolean is a usage error",
    params = { fa15 = "perhaps" },
    expect = { error = "usage", message = "fa15" },
  },
}
