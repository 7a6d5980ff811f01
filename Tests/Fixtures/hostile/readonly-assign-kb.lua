-- Assignment to kb is an error.
-- expect: exit 4
-- stderr: kb is read-only (kb.regions)
kb.regions = kb.municipalities
