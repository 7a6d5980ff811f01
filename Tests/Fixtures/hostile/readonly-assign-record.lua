-- Assignment to a record is an error naming it.
-- expect: exit 4
-- stderr: records are read-only (municipalities[1280].population)
kb.municipalities:get("1280").population = 0
