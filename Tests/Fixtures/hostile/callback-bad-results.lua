-- Functions that return what the host cannot use.
-- expect: exit 4
-- stderr: sum: the values are not all numbers
-- stdout: avg: the function returned a table
-- stdout: min: the function returned a userdata
print(pcall(kb.municipalities.avg, kb.municipalities, function() return {} end))
print(pcall(kb.municipalities.min, kb.municipalities, function() return kb end))
kb.municipalities:sum(function(m) return "many" end)
