-- An error inside the function given to sum.
-- expect: exit 4
-- stderr: callback-sum.lua:4: boom in sum
kb.municipalities:sum(function(m) error("boom in sum") end)
