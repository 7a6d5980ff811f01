-- municipality-code-prefix: every municipality code starts with its region's code
-- (SCB: 1280 Malmö is in county 12, Skåne).
--
--   samverkan validate municipality-code-prefix
return {
  kind = "validation",
  description = "Every municipality's code starts with its region's code",
  tags = { "municipalities", "codes" },
  severity = "error",
  collection = "municipalities",

  check = function(m, findings, params)
    local region = m.region
    -- A missing or broken region is reported by the schema check (schema.required/ref).
    if region == nil or m.code == nil or region.code == nil then return end
    if m.code:sub(1, #region.code) ~= region.code then
      findings:error(m, ("code %s of %s does not start with %s, the code of %s")
        :format(m.code, m.name or "?", region.code, region.name or "its region"), { field = "code" })
    end
  end,
}
