-- municipalities-in: the municipalities of one region.
--
--   samverkan query municipalities-in                       # Region Skåne (code 12)
--   samverkan query municipalities-in -p region=Kalmar
--   samverkan query municipalities-in -p region="Region Jönköpings län"
--   samverkan query municipalities-in -p region=H           # the county letter works too
--
-- `region` is matched, case-insensitively, against the region's code ("12"), county
-- letter ("M"), name ("Region Skåne"), county ("Skåne län") or the name without its
-- "Region " prefix or "län" suffix ("Skåne", "Jönköpings", "Jönköping").

-- The lower-cased names a region answers to.
local function aliases(r)
  local names = { r.code, r.letter, r.name, r.county }
  local out = {}
  for _, n in ipairs(names) do
    if n ~= nil then
      local l = text.lower(n)
      out[#out + 1] = l
      local short = l:gsub("^region%s+", ""):gsub("%s+län$", "")
      out[#out + 1] = short
      -- "jönköpings" → "jönköping" (genitive s of the county names)
      if short:sub(-1) == "s" then out[#out + 1] = short:sub(1, -2) end
    end
  end
  return out
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- The region `wanted` names; raises a clear error (listing the regions) when none does.
-- Memoised per parameter value so the lookup runs once, not once per municipality.
local cache = {}
local function find_region(wanted)
  if cache[wanted] then return cache[wanted] end
  local w = text.lower(trim(wanted))
  local found
  for r in kb.regions:each() do
    for _, a in ipairs(aliases(r)) do
      if a == w then found = r break end
    end
    if found then break end
  end
  if not found then
    local names = kb.regions:sort_by("code"):map(function(r) return r.code .. " " .. r.name end)
    error("no region matches '" .. wanted .. "'; regions are: " .. table.concat(names, ", "), 0)
  end
  cache[wanted] = found
  return found
end

return {
  kind = "filter",
  requires = { "regions" },  -- skipped where the data lacks these
  description = "The municipalities of a region (code, letter or name)",
  tags = { "municipalities", "regions" },
  params = {
    region = { type = "string", default = "12",
      description = "region code (\"12\"), letter (\"M\") or name (\"Skåne\", \"Region Skåne\", \"Skåne län\")" },
  },
  collection = "municipalities",

  match = function(m, params)
    return m.region == find_region(params.region)
  end,

  columns = { "code", "name", "region.name" },
  sort = "name",
}
