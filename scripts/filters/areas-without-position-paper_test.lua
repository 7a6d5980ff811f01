-- Tests of areas-without-position-paper: samverkan test scripts/filters/areas-without-position-paper.lua
return {
  {
    name = "default: the three areas without a paper",
    expect = { keys = { "kunskapsunderlag", "bredband-digitalisering", "energiforsorjning" } },
  },
  {
    name = "edge: an area no paper names is listed",
    data = { areas = { { code = "test-area", name = "Test", source = "kommundata" } } },
    expect = { rows = { { code = "test-area", ["#committees"] = 0 } } },
  },
}
