-- The six regions of Regionsamverkan Sydsverige in 2024: population and share of Sweden.
-- Run it with: samverkan run examples/six-regions.lua [YEAR]
local year = tonumber(arg[1]) or 2024

local sweden = kb.national_population:get(year)
if sweden == nil then
  error("no national population figure for " .. year .. "; try 2024 or a year 1950–2020", 0)
end

-- string.format counts bytes; text.len counts characters, so å, ä and ö line up.
local function pad(s, width, right)
  local gap = string.rep(" ", width - text.len(s))
  return right and gap .. s or s .. gap
end

print(kb.organisation.name .. " — population " .. year)
print()
local total = 0
for region in kb.regions:sort_by("name"):each() do
  local population = region.municipalities:sum(function(m)
    local row = m.population:where{ year = year }:first()
    return row and row.population
  end)
  total = total + population
  print(pad(region.name, 24) .. pad(region.seat, 12) ..
    pad(tostring(#region.municipalities), 3, true) .. " municipalities" .. pad(fmt.number(population), 13, true))
end
print()
print(pad("The six regions", 54) .. pad(fmt.number(total), 13, true))
print(pad("Sweden", 54) .. pad(fmt.number(sweden.population), 13, true))
print(pad("Share of Sweden", 54) .. pad(fmt.percent(total / sweden.population), 13, true))
