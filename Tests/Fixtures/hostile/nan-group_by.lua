-- NaN keys group together; group_by does not fail on them.
-- expect: exit 0
-- stdout: 1\t9\ttrue
local g = kb.municipalities:group_by(function(m) return 0/0 end)
print(#g, #g[1].items, g[1].key ~= g[1].key)
