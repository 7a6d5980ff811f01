-- r:fields() is a copy: changing it changes nothing.
-- expect: exit 0
-- stdout: 365644\t9
local m = kb.municipalities:get("1280")
local f = m:fields()
f.population = -1
print(m.population, #kb.municipalities)
