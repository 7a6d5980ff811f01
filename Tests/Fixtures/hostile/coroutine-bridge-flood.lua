-- Host callbacks called 100 000 times from a coroutine (pushed onto the main thread and crashed, once).
-- expect: exit 0
-- stdout: survived\t9
local c = kb.municipalities
coroutine.wrap(function()
  for i = 1, 1e5 do local n = #c end
  print("survived", #c)
end)()
