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

local suggest = require("suggest")

-- The names a region answers to, as written: its code, letter, name and county, and
-- those without their "Region " prefix or "län" suffix.
local function names_of(r)
  local out = {}
  local fields = { r.code, r.letter, r.name, r.county }
  for i = 1, 4 do
    local n = fields[i]
    if n ~= nil then
      out[#out + 1] = n
      local short = n:gsub("^Region%s+", ""):gsub("%s+län$", "")
      out[#out + 1] = short
      -- "Jönköpings" → "Jönköping" (genitive s of the county names)
      if short:sub(-1) == "s" then out[#out + 1] = short:sub(1, -2) end
    end
  end
  return out
end

local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end

-- The region `wanted` names, case-insensitively; rejects the parameter (param_error:
-- a usage error, exit 2), with the closest name and the list of regions, when none does.
-- Memoised per parameter value so the lookup runs once, not once per municipality.
local cache = {}
local function find_region(wanted)
  if cache[wanted] then return cache[wanted] end
  local w = text.lower(trim(wanted))
  local all = {}
  for r in kb.regions:each() do
    for _, n in ipairs(names_of(r)) do
      if text.lower(n) == w then
        cache[wanted] = r
        return r
      end
      all[#all + 1] = n
    end
  end
  local closest = suggest.closest(trim(wanted), all)
  local hint = closest and (" (did you mean '" .. closest .. "'?)") or ""
  local regions = kb.regions:sort_by("code"):map(function(r) return r.code .. " " .. r.name end)
  param_error("region", "is '" .. wanted .. "', which names no region" .. hint .. "; the regions are " .. table.concat(regions, ", "))
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
