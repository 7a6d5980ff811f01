-- A field path of 100 000 steps.
-- expect: exit 4
-- stderr: has no field
kb.municipalities:sum(string.rep("region.", 1e5) .. "name")
