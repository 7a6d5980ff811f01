-- NaN in sort keys and aggregates.
-- expect: exit 0
-- stdout: 9\ttrue
-- stdout: true
local m = kb.municipalities
print(#m:sort_by(function() return 0/0 end), m:sum(function() return 0/0 end) ~= 0)
print(m:min(function(r) return r.population > 20000 and 0/0 or 1 end) ~= nil)
