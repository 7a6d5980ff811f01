-- An error inside the function given to count.
-- expect: exit 4
-- stderr: callback-count.lua:4: boom in count
kb.municipalities:count(function(m) error("boom in count") end)
