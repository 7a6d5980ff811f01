-- kb, fmt and text answer the same inside a coroutine.
-- expect: exit 0
-- stdout: true\tMalmö\t365 644\tMALMÖ
-- stdout: Region Skåne\t6
-- stdout: Region Skåne\t6\t12
local co = coroutine.create(function()
  for m in kb.municipalities:each() do coroutine.yield(m.name, fmt.number(m.population), text.upper(m.name)) end
end)
print(coroutine.resume(co))
print(coroutine.wrap(function() return kb.regions:get("12").name, #kb.regions:get("12").municipalities end)())
local r = kb.regions:get("12")
print(coroutine.wrap(function() return r.name, #r.municipalities, r.municipalities[1].region.code end)())
