-- A host callback's error inside a coroutine names the script line.
-- expect: exit 4
-- stderr: municipalities has no field 'populaton'
coroutine.wrap(function()
  return kb.municipalities[1].populaton
end)()
