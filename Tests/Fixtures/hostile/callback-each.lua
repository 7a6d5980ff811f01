-- An error inside the function given to each.
-- expect: exit 4
-- stderr: callback-each.lua:4: boom in each
for m in kb.municipalities:each() do error("boom in each") end
