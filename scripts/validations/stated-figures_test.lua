-- Tests of stated-figures: samverkan test scripts/validations/stated-figures.lua
local organisation = {
  name = "Regionsamverkan Sydsverige", founded = "2016-01-01", source = "rss-om",
  member_regions = { "10", "13", "06", "08", "07", "12" },
  stated_population = "2,7 miljoner invånare", stated_population_value = 2700000,
  stated_share = "26%", stated_share_percent = 26.0, stated_member_count = 6,
}
local function with(changes)
  local copy = {}
  for k, v in pairs(organisation) do copy[k] = v end
  for k, v in pairs(changes) do copy[k] = v end
  return copy
end

return {
  {
    name = "the shipped data passes",
    expect = { findings = {} },
  },
  {
    name = "the figures as written in the test pass too",
    data = { organisation = organisation },
    expect = { findings = {} },
  },
  {
    name = "a member count that disagrees with the regions",
    data = { organisation = with { stated_member_count = 5 } },
    expect = { findings = {
      { field = "stated_member_count", message = "stated_member_count is 5, but the regions collection has 6 regions" },
      { field = "stated_member_count", message = "stated_member_count is 5, but member_regions lists 6" },
    } },
  },
  {
    name = "edge: a region left out of member_regions",
    data = { organisation = with { member_regions = { "10", "13", "06", "08", "07" }, stated_member_count = 5 } },
    expect = { findings = {
      { message = "Region Skåne %(12%) is in regions but not in member_regions" },
      { message = "stated_member_count is 5, but the regions collection has 6 regions" },
      { field = "stated_population_value", message = "matches the member regions' total in no year since 2016" },
      { field = "stated_share_percent", message = "does not match the member regions' share of Sweden" },
    } },
  },
}
