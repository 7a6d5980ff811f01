-- An error inside the function given to avg.
-- expect: exit 4
-- stderr: callback-avg.lua:4: boom in avg
kb.municipalities:avg(function(m) error("boom in avg") end)
