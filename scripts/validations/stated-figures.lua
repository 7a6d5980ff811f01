-- stated-figures: the figures the organisation states about itself agree with the data.
--
--   samverkan validate stated-figures
--
-- The about page says "2,7 miljoner invånare", "26%" and "sex regioner"
-- (organisation.yaml: stated_population[_value], stated_share[_percent],
-- stated_member_count). The page is not dated, so the population figure must match
-- the six regions' total in SOME year since the organisation was founded, at the
-- statement's precision (0,1 miljoner: 2 698 423 in 2020 rounds to 2,7 miljoner,
-- 2 750 635 in 2024 to 2,8). The share must match, to the stated precision (whole
-- percent), in the latest year that has both national and municipal figures.
-- Region totals are sums over their municipalities: no hand-typed totals.

-- "2,7 miljoner" -> 2700000, 100000 (value and unit of the last digit); nil if unparsable.
local function parse_millions(s)
  if type(s) ~= "string" then return nil end
  local int, frac = s:match("(%d+),?(%d*)%s*milj")
  if not int then return nil end
  local value = tonumber(int .. frac) * 10 ^ (6 - #frac)
  return math.tointeger(value) or value, math.tointeger(10 ^ (6 - #frac))
end

-- The unit of the last significant digit of an integer: 2700000 -> 100000.
local function unit_of(n)
  local unit = 1
  while n ~= 0 and n % (unit * 10) == 0 and unit < 1e9 do unit = unit * 10 end
  return unit
end

-- A percentage as written ("26%", "25,9 %") -> 26, 0 (the number and its decimals).
local function parse_percent(s)
  if type(s) ~= "string" then return nil end
  local int, frac = s:match("(%d+)[,%.]?(%d*)[^%d]*%%")
  if not int then return nil end
  return tonumber(int .. "." .. (frac ~= "" and frac or "0")), #frac
end

local function round(x) return math.floor(x + 0.5) end

local function ref_keys(list)
  local keys = {}
  for i, k in ipairs(list or {}) do keys[i] = tostring(k) end
  return keys
end

return {
  kind = "validation",
  requires = { "municipalities", "national_population", "organisation", "population", "regions" },  -- skipped where the data lacks these
  description = "The organisation's stated population, share of Sweden and member count agree with the data",
  tags = { "organisation", "population" },
  severity = "error",

  run = function(kb, findings, params)
    local org = kb.organisation
    if org == nil then
      findings:error(nil, "there is no organisation record to check the stated figures against")
      return
    end
    local raw = org:fields()

    -- Member regions: the six regions, each listed once.
    local members, member_count = {}, 0
    local listed = ref_keys(raw.member_regions)
    for _, code in ipairs(listed) do
      if members[code] then
        findings:error(org, "member_regions lists region " .. code .. " twice", { field = "member_regions" })
      else
        members[code] = true
        member_count = member_count + 1
      end
    end
    for r in kb.regions:each() do
      if not members[r.code] then
        findings:error(org, r.name .. " (" .. r.code .. ") is in regions but not in member_regions",
          { field = "member_regions" })
      end
    end

    -- stated_member_count ("sex regioner").
    local stated_count = org.stated_member_count
    if stated_count ~= nil then
      if stated_count ~= #kb.regions then
        findings:error(org, ("stated_member_count is %d, but the regions collection has %d regions")
          :format(stated_count, #kb.regions), { field = "stated_member_count" })
      end
      if stated_count ~= #listed then
        findings:error(org, ("stated_member_count is %d, but member_regions lists %d")
          :format(stated_count, #listed), { field = "stated_member_count" })
      end
    end

    -- The members' population per year, only for years in which every member
    -- municipality has a figure (a partial year would give a misleading total).
    local municipalities = {}
    local expected = 0
    for m in kb.municipalities:each() do
      local region = m:fields().region
      -- A duplicated code counts once (schema.unique reports the duplicate).
      if region ~= nil and members[tostring(region)] and not municipalities[m.code] then
        municipalities[m.code] = true
        expected = expected + 1
      end
    end
    local totals, counts = {}, {}
    for p in kb.population:each() do
      local f = p:fields()
      if f.municipality ~= nil and municipalities[tostring(f.municipality)] and f.year and f.population then
        totals[f.year] = (totals[f.year] or 0) + f.population
        counts[f.year] = (counts[f.year] or 0) + 1
      end
    end
    local years = {}
    for year, n in pairs(counts) do
      if n == expected then years[#years + 1] = year end
    end
    table.sort(years)

    local founded = tonumber(tostring(org.founded or ""):match("^(%d%d%d%d)")) or years[1] or 0

    -- stated_population_value agrees with the text of stated_population …
    local value = org.stated_population_value
    local text_value, text_unit = parse_millions(org.stated_population)
    if value ~= nil and text_value ~= nil and text_value ~= value then
      findings:error(org, ("stated_population_value is %s, but stated_population says \"%s\" (%s)")
        :format(fmt.number(value), org.stated_population, fmt.number(text_value)),
        { field = "stated_population_value" })
    end

    -- … and with the members' total in some year since the founding.
    if value ~= nil then
      local unit = text_unit or unit_of(value)
      local match_year
      local near = {}
      for _, year in ipairs(years) do
        if year >= founded then
          local total = totals[year]
          near[#near + 1] = year .. ": " .. fmt.number(total)
          if round(total / unit) * unit == value then match_year = year end
        end
      end
      if match_year == nil then
        local shown = #near > 0 and table.concat(near, ", ") or "no year with figures for all member municipalities"
        findings:error(org, ("stated population %s (to the nearest %s) matches the member regions' total in no year since %d (%s)")
          :format(fmt.number(value), fmt.number(unit), founded, shown), { field = "stated_population_value" })
      end
    end

    -- stated_share_percent agrees with the text of stated_share and with the data.
    local share = org.stated_share_percent
    if share ~= nil then
      local text_share, decimals = parse_percent(org.stated_share)
      if text_share ~= nil and math.abs(text_share - share) > 1e-9 then
        findings:error(org, ("stated_share_percent is %s, but stated_share says \"%s\"")
          :format(fmt.number(share, decimals), org.stated_share), { field = "stated_share_percent" })
      end
      decimals = decimals or 0
      local national = {}
      for n in kb.national_population:each() do
        if n.year and n.population then national[n.year] = n.population end
      end
      local year
      for i = #years, 1, -1 do
        if national[years[i]] and national[years[i]] > 0 then year = years[i] break end
      end
      if year == nil then
        findings:error(org, "no year has both national figures and figures for every member municipality, so the stated share cannot be checked",
          { field = "stated_share_percent" })
      else
        local percent = totals[year] / national[year] * 100
        local scale = 10 ^ decimals
        if math.abs(round(percent * scale) / scale - share) > 1e-9 then
          findings:error(org, ("stated share %s %% does not match the member regions' share of Sweden in %d: %s of %s = %s")
            :format(fmt.number(share, decimals), year, fmt.number(totals[year]), fmt.number(national[year]),
              fmt.percent(percent / 100, decimals + 2)), { field = "stated_share_percent" })
        end
      end
    end
  end,
}
