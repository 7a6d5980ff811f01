-- sources-cited: every record says where its data comes from.
--
--   samverkan validate sources-cited
--
-- Errors:
--   * a collection that holds figures (regions, municipalities, population,
--     national_population, fa_regions, labour_markets) has no `source` field at all;
--   * a record of a collection with a `source` field has no source, or cites one
--     that is not in the sources collection;
--   * a record has a figure whose specific source field is empty: land areas need
--     area_source, a committee chair needs chair_source, the organisation's legal
--     form and chair region need founding_source.
-- Warnings:
--   * a source that no record cites (directly or through another source's derived_from).
return {
  kind = "validation",
  requires = { "sources" },  -- skipped where the data lacks these
  requires_all = true,         -- reads every collection: skipped when a data file cannot be read
  description = "Every record cites a source; collections with figures have a source field",
  tags = { "sources" },
  severity = "error",

  run = function(kb, findings, params)
    local FIGURES = { "regions", "municipalities", "population", "national_population", "fa_regions", "labour_markets" }
    -- Fields that need their own source when they are filled in.
    local SPECIFIC = {
      { collection = "regions", fields = { "land_area_km2" }, source = "area_source" },
      { collection = "municipalities", fields = { "land_area_km2", "total_area_km2" }, source = "area_source" },
      { collection = "committees", fields = { "chair", "chair_region", "chair_year" }, source = "chair_source" },
      { collection = "organisation", fields = { "legal_form", "chair_region" }, source = "founding_source" },
    }

    local names, present = kb:collections(), {}
    for _, name in ipairs(names) do present[name] = true end

    -- The records of a collection as an array, and a way to ask whether it has a field.
    -- A single collection is a record, not a collection, so its schema is probed.
    local function records_of(name)
      local c = kb[name]
      if c == nil then return {}, function() return false end end
      local ok, schema = pcall(function() return c.schema end)
      if ok and type(schema) == "table" then
        local list = {}
        for r in c:each() do list[#list + 1] = r end
        return list, function(field) return schema.fields[field] ~= nil end, schema
      end
      return { c }, function(field) return (pcall(function() return c[field] end)) end
    end

    local source_keys = {}
    if present.sources then
      for s in kb.sources:each() do source_keys[tostring(s:key())] = true end
    end
    local cited = {}

    local function cite(record, field, required_message)
      local raw = record:fields()[field]
      if raw == nil then
        if required_message then findings:error(record, required_message, { field = field }) end
        return
      end
      local keys = type(raw) == "table" and raw or { raw }
      for _, key in ipairs(keys) do
        key = tostring(key)
        cited[key] = true
        if present.sources and not source_keys[key] then
          findings:error(record, ("%s cites source '%s' in %s, which is not in the sources collection")
            :format(tostring(record), key, field), { field = field })
        end
      end
    end

    for _, name in ipairs(names) do
      if name ~= "sources" then
        local records, has, schema = records_of(name)
        if has("source") then
          for _, r in ipairs(records) do
            cite(r, "source", tostring(r) .. " has no source")
          end
        end
        -- Other fields that refer to sources (area_source, chair_source, …) count as citations.
        for _, r in ipairs(records) do
          for field, value in pairs(r:fields()) do
            local spec = schema and schema.fields[field]
            local is_source_ref = spec and spec.collection == "sources"
              or (schema == nil and field:match("source$") and type(value) == "string")
            if field ~= "source" and is_source_ref then cite(r, field, nil) end
          end
        end
      end
    end

    -- Collections with figures must have a source field.
    for _, name in ipairs(FIGURES) do
      if present[name] then
        local _, has = records_of(name)
        if not has("source") then
          findings:error(nil, ("collection %s holds figures but has no 'source' field in schema.yaml; add one (a ref to sources) so every figure can be traced")
            :format(name))
        end
      end
    end

    -- Figures that need their own source.
    for _, rule in ipairs(SPECIFIC) do
      if present[rule.collection] then
        local records, has = records_of(rule.collection)
        if has(rule.source) then
          for _, r in ipairs(records) do
            local raw = r:fields()
            if raw[rule.source] == nil then
              for _, field in ipairs(rule.fields) do
                if has(field) and raw[field] ~= nil then
                  findings:error(r, ("%s has %s but no %s"):format(tostring(r), field, rule.source),
                    { field = rule.source })
                  break
                end
              end
            end
          end
        end
      end
    end

    -- Sources nobody cites. derived_from counts only from a source that is itself cited.
    if present.sources then
      local changed = true
      while changed do
        changed = false
        for s in kb.sources:each() do
          if cited[tostring(s:key())] then
            for _, key in ipairs(s:fields().derived_from or {}) do
              key = tostring(key)
              if not cited[key] then cited[key] = true; changed = true end
            end
          end
        end
      end
      for s in kb.sources:each() do
        if not cited[tostring(s:key())] then
          findings:warning(s, ("source %s (%s) is cited by no record"):format(tostring(s:key()), s.title or "?"))
        end
      end
    end
  end,
}
