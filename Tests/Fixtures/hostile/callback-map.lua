-- An error inside the function given to map.
-- expect: exit 4
-- stderr: callback-map.lua:4: boom in map
kb.municipalities:map(function(m) error("boom in map") end)
