-- A validation that finds nothing: `samverkan validate no-findings` then reports the
-- schema's own findings alone (the malformed-data suite).
return {
  kind = "validation",
  description = "Finds nothing; only the schema rules report",
  run = function(kb, findings) end,
}
