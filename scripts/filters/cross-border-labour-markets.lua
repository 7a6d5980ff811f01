-- cross-border-labour-markets: local labour market regions (LA 2021) that span more
-- than one county: their municipalities lie in more than one of the six regions, or
-- the region also covers counties outside the six (other_counties).
--
--   samverkan query cross-border-labour-markets
--   samverkan query cross-border-labour-markets -p outside_only=true
return {
  kind = "filter",
  description = "Labour market regions (LA 2021) that span more than one county",
  tags = { "labour-markets", "geography" },
  params = {
    outside_only = { type = "boolean", default = false,
      description = "only those that reach counties outside the six regions" },
  },
  collection = "labour_markets",

  match = function(lm, params)
    local outside = #(lm.other_counties or {}) > 0
    if params.outside_only then return outside end
    if outside then return true end
    local regions = {}
    local n = 0
    for m in lm.municipalities:each() do
      local code = m.region and m.region.code
      if code and not regions[code] then regions[code] = true; n = n + 1 end
    end
    return n > 1
  end,

  columns = { "code", "name", "#municipalities", "other_counties" },
  sort = "code",
}
